"""The HTTP service over loopback: each endpoint, its errors, the limits, the token, the probes.

Decisions are checked against the Python API, the batch against ``meldcode evaluate``
on the same JSON Lines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from typing import TYPE_CHECKING

import httpx
import pytest
from server_hulp import live_server

from meldcode_rules import evaluate, evaluate_many, json_schema, kader_for
from meldcode_rules.proces import Termijnen
from meldcode_rules.schema import SCHEMAS
from meldcode_rules.server import Instellingen
from meldcode_rules.server.instellingen import token_uit_omgeving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PEILDATUM = "2024-06-01"
CASUS = {
    "id": "c-17",
    "antwoorden": {
        "vermoeden": "ja",
        "acute_onveiligheid": "nee",
        "structurele_onveiligheid": "ja",
    },
}


def test_evaluate_equals_the_python_api(client: httpx.Client) -> None:
    for kader in ("basis", "knmg", "onderwijs"):
        r = client.post("/v1/evaluate", params={"kader": kader, "peildatum": PEILDATUM}, json=CASUS)
        assert r.status_code == 200
        assert r.headers["content-type"] == "application/json"
        verwacht = evaluate(CASUS, kader, date.fromisoformat(PEILDATUM))
        assert r.text == verwacht.model_dump_json()


def test_evaluate_by_beroepsgroep(client: httpx.Client) -> None:
    r = client.post(
        "/v1/evaluate", params={"beroepsgroep": "huisarts", "peildatum": PEILDATUM}, json=CASUS
    )
    assert r.status_code == 200
    assert r.json()["kader"]["id"] == kader_for("huisarts").kader == "knmg"
    r = client.post(
        "/v1/evaluate",
        params={"beroepsgroep": "huisarts", "kader": "basis", "peildatum": PEILDATUM},
        json=CASUS,
    )
    assert r.status_code == 422
    assert r.json()["code"] == "kader_en_beroepsgroep"


@pytest.mark.parametrize(
    ("body", "veld", "code"),
    [
        (
            b'{"id": "a", "antwoorden": {"vermoeden": "Geheim123"}}',
            "antwoorden.vermoeden",
            "niet_toegestaan",
        ),
        (b'{"id": "a", "Geheim123": 1}', "<invoer>", "onbekend_veld"),
        (b'{"id": "Geheim123 met spaties"}', "id", "ongeldige_id"),
        (
            b'{"id": "a", "signalen": [{"vorm": "verwaarlozing", "datum": "Geheim123"}]}',
            "signalen[0].datum",
            None,
        ),
        (b'{"id": "a", "Geheim123', "<json>", "ongeldige_json"),
        (b'["Geheim123"]', "<json>", "geen_object"),
        (b"", "<json>", "ongeldige_json"),
        (b'{"id": "a", "id": "Geheim123"}', "id", "dubbele_sleutel"),
        (b"\xff\xfe", "<invoer>", "geen_utf8"),
    ],
)
def test_422_names_the_field_never_the_value(
    client: httpx.Client, body: bytes, veld: str, code: str | None
) -> None:
    for pad in ("/v1/evaluate", "/v1/explain"):
        r = client.post(pad, params={"peildatum": PEILDATUM}, content=body)
        assert r.status_code == 422, pad
        fout = r.json()
        assert fout["code"] == "ongeldige_invoer"
        assert fout["fouten"][0]["veld"] == veld
        if code is not None:
            assert fout["fouten"][0]["code"] == code
        assert "Geheim123" not in r.text


def test_query_errors_name_the_parameter(client: httpx.Client) -> None:
    r = client.post("/v1/evaluate", params={"peildatum": "Geheim123"}, json=CASUS)
    assert r.status_code == 422
    assert r.json()["fouten"] == [
        {"veld": "peildatum", "code": "geen_datum", "bericht": r.json()["fouten"][0]["bericht"]}
    ]
    r = client.post("/v1/evaluate", params={"engine": "Geheim123"}, json=CASUS)
    assert r.status_code == 422
    assert r.json()["fouten"][0]["veld"] == "engine"
    assert "Geheim123" not in r.text
    r = client.post("/v1/evaluate", params={"kader": "Geheim123"}, json=CASUS)
    assert (r.status_code, r.json()["code"]) == (422, "onbekend_kader")
    assert "Geheim123" not in r.text
    r = client.post("/v1/evaluate", params={"peildatum": "2010-01-01"}, json=CASUS)
    assert (r.status_code, r.json()["code"]) == (422, "geen_versie")


def _regels() -> list[str]:
    return [
        json.dumps({"id": "a", "antwoorden": {"vermoeden": "nee"}}),
        "niet json",
        "",
        json.dumps({"id": "b", "antwoorden": {"vermoeden": "Geheim123"}}),
        json.dumps(CASUS),
        "[1, 2]",
        json.dumps({"id": "c", "signalen": [{"vorm": "verwaarlozing", "datum": "2024-05-01"}]}),
    ]


def test_batch_is_aligned_and_equals_the_cli(client: httpx.Client) -> None:
    invoer = "\n".join(_regels()) + "\n"
    r = client.post("/v1/evaluate/batch", params={"peildatum": PEILDATUM}, content=invoer.encode())
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/x-ndjson"
    cli = subprocess.run(
        [sys.executable, "-m", "meldcode_rules.cli", "evaluate", "-", "--peildatum", PEILDATUM],
        input=invoer,
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1  # some lines bad
    assert [json.loads(r) for r in r.text.splitlines()] == [
        json.loads(r) for r in cli.stdout.splitlines()
    ]
    assert "Geheim123" not in r.text
    regels = r.text.splitlines()
    assert [json.loads(x).get("lijn") for x in regels] == [None, 2, 3, 4, None, 6, None]
    assert json.loads(regels[3])["casus_id"] == "b"


def test_batch_in_small_pieces_and_without_final_newline(client: httpx.Client) -> None:
    invoer = "\r\n".join(
        json.dumps({"id": f"c{i}", "antwoorden": {"vermoeden": "ja"}}) for i in range(300)
    )

    def stukjes() -> Iterator[bytes]:
        data = invoer.encode()
        for i in range(0, len(data), 37):
            yield data[i : i + 37]

    r = client.post("/v1/evaluate/batch", params={"peildatum": PEILDATUM}, content=stukjes())
    assert r.status_code == 200
    uit = [json.loads(x) for x in r.text.splitlines()]
    assert [u["casus_id"] for u in uit] == [f"c{i}" for i in range(300)]
    verwacht = list(
        evaluate_many(invoer.splitlines(), "basis", date.fromisoformat(PEILDATUM), als_json=True)
    )
    assert r.text.splitlines() == verwacht


def test_batch_refuses_a_bad_kader_before_streaming(client: httpx.Client) -> None:
    r = client.post(
        "/v1/evaluate/batch", params={"kader": "bestaat_niet"}, content=b'{"id": "a"}\n'
    )
    assert (r.status_code, r.json()["code"]) == (422, "onbekend_kader")


def test_explain_is_dutch_text_without_ids(client: httpx.Client) -> None:
    casus = {**CASUS, "id": "Geheim123"}
    r = client.post("/v1/explain", params={"kader": "knmg", "peildatum": PEILDATUM}, json=casus)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert "Verslag van de afweging" in r.text
    assert "Geheim123" not in r.text


def test_kaders_with_versions_and_fingerprints(client: httpx.Client) -> None:
    r = client.get("/v1/kaders")
    assert r.status_code == 200
    lijst = r.json()
    basis = next(k for k in lijst["kaders"] if k["id"] == "basis")
    assert [v["versie"] for v in basis["versies"]] == ["2013", "2019"]
    for v in basis["versies"]:
        uitkomst = evaluate({"id": "x"}, "basis", date.fromisoformat(v["geldig_van"]))
        assert v["vingerafdruk"] == uitkomst.kader.vingerafdruk
    assert client.get("/v1/kaders/knmg").json()["id"] == "knmg"
    assert client.get("/v1/kaders/bestaat_niet").status_code == 404


def test_rules_with_their_sources(client: httpx.Client) -> None:
    r = client.get("/v1/kaders/knmg/regels", params={"versie": "2023"})
    assert r.status_code == 200
    regels = r.json()
    assert regels["basis"] == "basis:2019"
    assert {"basis", "knmg"} <= {x["kader"] for x in regels["regels"]}
    assert all(x["bron"]["passage"] and x["bron"]["adres"] for x in regels["regels"])
    uitkomst = evaluate(CASUS, "knmg", date(2024, 6, 1))
    assert regels["vingerafdruk"] == uitkomst.kader.vingerafdruk
    assert uitkomst.beslissingen["melden"].spoor[0].regel in {x["id"] for x in regels["regels"]}
    assert client.get("/v1/kaders/knmg/regels", params={"versie": "1999"}).status_code == 404
    assert (
        client.get("/v1/kaders/knmg/regels", params={"peildatum": PEILDATUM}).json()["versie"]
        == "2023"
    )


def test_beroepsgroep_lookup(client: httpx.Client) -> None:
    r = client.get("/v1/beroepsgroepen/IB'er")
    assert (r.status_code, r.json()["kader"]) == (200, "onderwijs")
    r = client.get("/v1/beroepsgroepen/psycholoog")
    assert (r.status_code, r.json()["code"]) == (422, "meerdere_beroepsgroepen")
    r = client.get("/v1/beroepsgroepen/psycholoog", params={"sector": "jeugdhulp"})
    assert r.json()["kader"] == "gezamenlijk_kader"
    r = client.get("/v1/beroepsgroepen/Geheim123")
    assert (r.status_code, r.json()["code"]) == (422, "onbekende_beroepsgroep")
    assert "Geheim123" not in r.text


def test_the_whole_register(client: httpx.Client) -> None:
    r = client.get("/v1/beroepsgroepen")
    assert r.status_code == 200
    huisarts = next(b for b in r.json()["beroepsgroepen"] if b["naam"] == "huisarts")
    assert huisarts["kader"] == "knmg"
    assert "jeugdhulp" in r.json()["sectoren"]


def test_schemas_are_the_library_schemas(client: httpx.Client) -> None:
    for naam in SCHEMAS:
        assert client.get(f"/v1/schemas/{naam}").json() == json_schema(naam)
    assert client.get("/v1/schemas/bestaat_niet").status_code == 422


def test_process_events_and_overview(client: httpx.Client) -> None:
    def ev(soort: str, datum: str, **extra: str) -> httpx.Response:
        body = {"casus_id": "http-1", "soort": soort, "datum": datum, **extra}
        return client.post("/v1/proces/gebeurtenissen", json=body)

    assert ev("signaal_vastgelegd", "2024-03-01").json()["versie"] == 1
    r = ev("melding_gedaan", "2024-03-02")
    assert (r.status_code, r.json()["code"]) == (409, "besluit_ontbreekt")
    assert ev("besluit_genomen", "2024-03-04", melden="ja").status_code == 200
    r = ev("signaal_vastgelegd", "2024-03-01")
    assert (r.status_code, r.json()["code"]) == (409, "datum_terug")
    r = client.post(
        "/v1/proces/gebeurtenissen",
        json={"casus_id": "http-1", "soort": "Geheim123", "datum": "2024-03-05"},
    )
    assert r.status_code == 422
    assert r.json()["fouten"][0]["veld"] == "soort"
    assert "Geheim123" not in r.text
    o = client.get("/v1/proces/casussen/http-1", params={"peildatum": "2024-03-05"}).json()
    assert o["stap"] == "stap_5_beslissen"
    assert [g["code"] for g in o["ontbreekt"]] == [
        "overleg_ontbreekt",
        "gesprek_ontbreekt",
        "afweging_ontbreekt",
        "melding_ontbreekt",
    ]
    r = client.get("/v1/proces/casussen/Geheim123")
    assert (r.status_code, r.json()["code"]) == (404, "onbekende_casus")
    assert "Geheim123" not in r.text


def test_overdue_terms_from_the_organisation(tmp_path: Path) -> None:
    with live_server(Instellingen(termijnen=Termijnen(gesprek=10))) as url:
        httpx.post(
            f"{url}/v1/proces/gebeurtenissen",
            json={"casus_id": "t1", "soort": "signaal_vastgelegd", "datum": "2024-03-01"},
        )
        o = httpx.get(f"{url}/v1/proces/casussen/t1", params={"peildatum": "2024-03-20"}).json()
    assert [(t["termijn"], t["dagen_te_laat"]) for t in o["te_laat"]] == [("gesprek", 9)]


def test_health_ready_and_unknown_paths(client: httpx.Client) -> None:
    assert client.get("/v1/health").json() == {"status": "ok"}
    assert client.get("/v1/ready").json() == {
        "status": "gereed",
        "kaders": 5,
        "opslag": "geheugen",
        "opslag_bereikbaar": True,
    }
    r = client.get("/v1/bestaat_niet")
    assert (r.status_code, r.json()["code"]) == (404, "niet_gevonden")
    r = client.get("/v1/evaluate")
    assert (r.status_code, r.json()["code"]) == (405, "methode_niet_toegestaan")


def test_request_size_limit() -> None:
    with (
        live_server(Instellingen(max_body=2000, max_batch=20_000)) as url,
        httpx.Client(base_url=url) as c,
    ):
        groot = json.dumps(
            {"id": "a", "betrokkenen": [{"id": f"b{i}", "rol": "kind"} for i in range(200)]}
        )
        r = c.post("/v1/evaluate", content=groot.encode())
        assert (r.status_code, r.json()["code"]) == (413, "te_groot")

        def in_stukken() -> Iterator[bytes]:  # no Content-Length: the limit counts while reading
            yield groot.encode()[:1500]
            yield groot.encode()[1500:]

        r = c.post("/v1/evaluate", content=in_stukken())
        assert (r.status_code, r.json()["code"]) == (413, "te_groot")
        # A batch: a line longer than max_body is an aligned error; past max_batch the rest is refused.
        regels = [json.dumps({"id": "a"}), groot, json.dumps({"id": "b"})]
        r = c.post(
            "/v1/evaluate/batch",
            params={"peildatum": PEILDATUM},
            content="\n".join(regels).encode(),
        )
        assert [json.loads(x).get("lijn") for x in r.text.splitlines()] == [None, 2, None]
        assert json.loads(r.text.splitlines()[1])["fouten"][0]["code"] == "te_lang"
        veel = "\n".join(json.dumps({"id": f"c{i}"}) for i in range(3000)).encode()
        r = c.post("/v1/evaluate/batch", params={"peildatum": PEILDATUM}, content=veel)
        assert (r.status_code, r.json()["code"]) == (413, "te_groot")

        def batch_in_stukken() -> Iterator[bytes]:
            for i in range(0, len(veel), 1000):
                yield veel[i : i + 1000]

        r = c.post(
            "/v1/evaluate/batch", params={"peildatum": PEILDATUM}, content=batch_in_stukken()
        )
        laatste = json.loads(r.text.splitlines()[-1])
        assert laatste["fouten"][0] == {
            "veld": "<invoer>",
            "code": "te_lang",
            "bericht": "de batch is groter dan 20000 bytes; de rest is niet gelezen",
        }
        assert len(r.text.splitlines()) < 3000


def test_bearer_token_from_a_file(tmp_path: Path) -> None:
    bestand = tmp_path / "token"
    bestand.write_text("s3cret-token\n", encoding="utf-8")
    token = token_uit_omgeving({"MELDCODE_SERVER_TOKEN_FILE": str(bestand)})
    assert token == "s3cret-token"
    assert token_uit_omgeving({"MELDCODE_SERVER_TOKEN": " abc "}) == "abc"
    assert token_uit_omgeving({}) is None
    with live_server(Instellingen(token=token)) as url, httpx.Client(base_url=url) as c:
        for kop in ({}, {"Authorization": "Bearer fout"}, {"Authorization": "Basic s3cret-token"}):
            r = c.post("/v1/evaluate", json=CASUS, headers=kop)
            assert (r.status_code, r.json()["code"]) == (401, "niet_geautoriseerd")
            assert r.headers["www-authenticate"] == "Bearer"
        goed = {"Authorization": "Bearer s3cret-token"}
        assert c.post("/v1/evaluate", json=CASUS, headers=goed).status_code == 200
        assert c.get("/v1/kaders", headers=goed).status_code == 200
        for open_pad in ("/v1/health", "/v1/ready", "/v1/openapi.json"):
            assert c.get(open_pad).status_code == 200


def test_meldcode_serve_without_the_extra_names_it(tmp_path: Path) -> None:
    code = (
        "import sys, importlib.util as u; orig = u.find_spec; "
        "u.find_spec = lambda n, *a: None if n == 'fastapi' else orig(n, *a); "
        "from meldcode_rules.cli import main; sys.exit(main(['serve']))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 2
    assert "meldcode-rules[server]" in r.stderr
    assert "Traceback" not in r.stderr
