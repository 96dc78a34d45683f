/*
 * meldcode-rules documentation site: flowcharts, the walk-through and the register search.
 *
 * Nothing here decides anything. The walk-through looks each answer combination up in
 * the JSON export of the kader version (meldcode_rules.render.doorloop, written by
 * docs/hooks/kaders.py): the library evaluated all 729 combinations at build time. The
 * register search normalises the query like meldcode_rules.beroepsgroepen.normaliseer
 * and looks it up in the index the library made (meldcode_rules.render.register).
 * Everything runs in the browser from files of this site; nothing is sent anywhere.
 *
 * Hooks for tests and other tools:
 *   [data-afweging="<naam>"][value]   an answer control (radio; value ja / nee / onbekend)
 *   [data-beslissing="melden"|"hulp"] a shown beslissing; its text is the value
 *   [data-register-zoek]              the register's search field
 *   [data-register-resultaat]         the search result; data-register-uitkomst on it is
 *                                     gevonden / dubbelzinnig / onbekend / leeg, and each
 *                                     answer has data-beroepsgroep, data-status, data-kader
 *   [data-meldcode-klaar]             on <body> once every part of the page is ready
 */
(function () {
  "use strict";

  // -- helpers --------------------------------------------------------------------------

  function el(tag, attrs, kinderen) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "tekst") e.textContent = v;
        else if (k === "klasse") e.className = v;
        else e.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (kinderen || []).forEach(function (k) {
      if (k === null || k === undefined || k === "") return;
      e.appendChild(typeof k === "string" ? document.createTextNode(k) : k);
    });
    return e;
  }

  function heeft(obj, sleutel) {
    return Object.prototype.hasOwnProperty.call(obj, sleutel);
  }

  function laadJson(link) {
    return fetch(link.href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(link.getAttribute("href") + ": HTTP " + r.status);
      return r.json();
    });
  }

  var uniek = 0;

  // -- flowcharts -----------------------------------------------------------------------
  // Rendered at their natural size (legible), in a window that scrolls; zoom buttons
  // scale them and the window pans (drag, or the arrow keys when it has focus).

  var ZOOM_STAPPEN = [0.4, 0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5, 2];
  // The smallest scale a chart starts at: its 16 px text stays 12.8 px on screen. A chart
  // that fits at that scale or larger is shown whole; a wider one pans.
  var MIN_BEGIN = 0.8;

  function schemaFiguur(svgTekst) {
    var venster = el("div", {
      klasse: "mr-schema-venster",
      tabindex: "0",
      role: "group",
      "aria-label": "Stroomschema. Verschuif met de pijltjestoetsen of door te slepen.",
    });
    venster.innerHTML = svgTekst;
    var svg = venster.querySelector("svg");
    var vak = svg.viewBox && svg.viewBox.baseVal;
    var breedte = vak && vak.width ? vak.width : svg.getBBox().width;
    var hoogte = vak && vak.height ? vak.height : svg.getBBox().height;
    var zoom = 1;
    var waarde = el("span", { klasse: "mr-zoom-waarde", "aria-live": "polite" });

    function zet(z) {
      zoom = Math.max(0.2, Math.min(3, z));
      svg.style.maxWidth = "none";
      svg.style.width = Math.round(breedte * zoom) + "px";
      svg.style.height = Math.round(hoogte * zoom) + "px";
      svg.setAttribute("width", String(Math.round(breedte * zoom)));
      svg.setAttribute("height", String(Math.round(hoogte * zoom)));
      waarde.textContent = Math.round(zoom * 100) + "%";
    }
    function stap(richting) {
      var lijst = richting > 0 ? ZOOM_STAPPEN : ZOOM_STAPPEN.slice().reverse();
      for (var i = 0; i < lijst.length; i++) {
        if (richting > 0 ? lijst[i] > zoom + 1e-6 : lijst[i] < zoom - 1e-6) return zet(lijst[i]);
      }
    }
    function knop(tekst, label, actie) {
      var b = el("button", { type: "button", klasse: "mr-knop", "aria-label": label, tekst: tekst });
      b.addEventListener("click", actie);
      return b;
    }
    var knoppen = el("div", { klasse: "mr-schema-knoppen", role: "toolbar", "aria-label": "Zoom" }, [
      knop("−", "Uitzoomen", function () { stap(-1); }),
      knop("+", "Inzoomen", function () { stap(1); }),
      knop("100%", "Ware grootte", function () { zet(1); }),
      knop("Passend", "Passend in de breedte (kleinere tekst)", function () {
        figuur.mrBegin(0);
      }),
      waarde,
    ]);
    // Drag to pan.
    var slepen = null;
    venster.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "touch") return; // touch scrolls natively
      slepen = { x: e.clientX, y: e.clientY, l: venster.scrollLeft, t: venster.scrollTop };
      venster.classList.add("mr-sleept");
    });
    window.addEventListener("pointermove", function (e) {
      if (!slepen) return;
      venster.scrollLeft = slepen.l - (e.clientX - slepen.x);
      venster.scrollTop = slepen.t - (e.clientY - slepen.y);
    });
    window.addEventListener("pointerup", function () {
      slepen = null;
      venster.classList.remove("mr-sleept");
    });
    zet(1);
    var figuur = el("figure", { klasse: "mr-schema", "data-stroomschema": true }, [knoppen, venster]);
    figuur.mrBegin = function (minimum) {
      var stijl = getComputedStyle(venster);
      var binnen = venster.clientWidth - parseFloat(stijl.paddingLeft) - parseFloat(stijl.paddingRight);
      var passend = (binnen - 2) / breedte;
      zet(Math.max(minimum === undefined ? MIN_BEGIN : minimum, Math.min(1, passend)));
    };
    return figuur;
  }

  function stroomschemas() {
    var blokken = Array.prototype.slice.call(
      document.querySelectorAll("pre.meldcode-stroomschema:not([data-mr-klaar])")
    );
    if (!blokken.length) return Promise.resolve();
    if (typeof window.mermaid === "undefined") {
      return Promise.reject(new Error("mermaid.min.js is niet geladen"));
    }
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: "strict",
      theme: "base",
      fontFamily: "inherit",
      themeVariables: {
        fontSize: "16px",
        fontFamily: "Roboto, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif",
        primaryColor: "#f1ecfa",
        primaryBorderColor: "#5e35b1",
        primaryTextColor: "#1d1238",
        lineColor: "#4a4a4a",
        edgeLabelBackground: "#ffffff",
      },
      flowchart: { useMaxWidth: false, htmlLabels: true, nodeSpacing: 26, rankSpacing: 42, padding: 10 },
    });
    // One at a time: mermaid.render is not re-entrant.
    return blokken.reduce(function (klaar, pre) {
      return klaar.then(function () {
        pre.setAttribute("data-mr-klaar", "");
        var id = "meldcode-stroomschema-" + uniek++;
        return window.mermaid.render(id, pre.textContent).then(function (r) {
          var figuur = schemaFiguur(r.svg);
          pre.replaceWith(figuur);
          figuur.mrBegin();
        });
      });
    }, Promise.resolve());
  }

  // -- the walk-through -----------------------------------------------------------------

  function doorloop(blok) {
    var link = blok.querySelector("a[data-doorloop-bron]");
    if (!link) return Promise.resolve();
    blok.setAttribute("data-mr-klaar", "");
    return laadJson(link).then(function (d) {
      bouwDoorloop(blok, d, link);
    });
  }

  function bouwDoorloop(blok, d, link) {
    var id = "mr-doorloop-" + uniek++;
    var namen = d.afwegingen.map(function (a) { return a.naam; });
    var waarden = d.antwoorden.map(function (a) { return a.waarde; });
    var onbekend = waarden[waarden.length - 1];
    var beslissing = {};
    d.beslissingen.forEach(function (b) { beslissing[b.naam] = b; });
    var afweging = {};
    d.afwegingen.forEach(function (a) { afweging[a.naam] = a; });

    function index(antwoorden) {
      var i = 0;
      namen.forEach(function (n) { i = i * waarden.length + waarden.indexOf(antwoorden[n]); });
      return i;
    }
    function uitkomst(antwoorden) {
      return d.uitkomsten[d.tabel[index(antwoorden)]];
    }

    var formulier = el("form", { klasse: "mr-vragen", "aria-label": "Afwegingsvragen" });
    formulier.addEventListener("submit", function (e) { e.preventDefault(); });
    var vragen = {};
    d.afwegingen.forEach(function (a) {
      var tekstId = id + "-" + a.naam + "-vraag";
      var keuzes = el("div", { klasse: "mr-keuzes" });
      d.antwoorden.forEach(function (w) {
        var invoer = el("input", {
          type: "radio",
          name: id + "-" + a.naam,
          value: w.waarde,
          "data-afweging": a.naam,
          "data-waarde": w.waarde,
        });
        keuzes.appendChild(el("label", { klasse: "mr-keuze" }, [invoer, el("span", { tekst: w.tekst })]));
      });
      var invloed = el("p", {
        klasse: "mr-invloed",
        hidden: true,
        tekst: "Bij de andere antwoorden verandert dit antwoord de beslissingen niet.",
      });
      var veld = el("fieldset", { klasse: "mr-vraag", "data-vraag": a.naam }, [
        el("legend", {}, [
          el("span", { klasse: "mr-vraag-titel", tekst: "Afweging " + a.nummer + " · " + a.titel }),
          el("span", { klasse: "mr-vraag-tekst", id: tekstId, tekst: a.vraag }),
        ]),
        keuzes,
        invloed,
      ]);
      vragen[a.naam] = { veld: veld, invloed: invloed };
      formulier.appendChild(veld);
    });
    var opnieuw = el("button", { type: "button", klasse: "mr-knop", tekst: "Begin opnieuw" });
    opnieuw.addEventListener("click", function () {
      formulier.reset();
      toon();
      var eerste = formulier.querySelector("input");
      if (eerste) eerste.focus();
    });
    formulier.appendChild(el("div", { klasse: "mr-formulier-voet" }, [opnieuw]));

    // The sticky summary: the shown beslissingen (data-beslissing).
    var samenvatting = el("div", {
      klasse: "mr-samenvatting",
      role: "status",
      "aria-live": "polite",
      "aria-label": "De twee beslissingen",
    });
    var getoond = {};
    d.beslissingen.forEach(function (b) {
      var waarde = el("strong", { klasse: "mr-waarde", "data-beslissing": b.naam });
      var kort = el("span", { klasse: "mr-kort" });
      getoond[b.naam] = { waarde: waarde, kort: kort };
      samenvatting.appendChild(
        el("div", { klasse: "mr-samenvatting-deel", "data-uitkomst-voor": b.naam }, [
          el("span", { klasse: "mr-samenvatting-kop", tekst: b.naam === "melden" ? "Melden" : "Hulp" }),
          waarde,
          kort,
        ])
      );
    });
    var details = el("div", { klasse: "mr-uitkomst", "aria-label": "Uitleg bij de uitkomst" });

    blok.insertBefore(el("div", { klasse: "mr-doorloop" }, [formulier, samenvatting, details]), blok.firstChild);
    if (d.leest_ook && d.leest_ook.length) {
      blok.insertBefore(
        el("p", {
          klasse: "mr-uitleg",
          tekst:
            "De beslisregels lezen ook gegevens uit de casus (" + d.leest_ook.join(", ") +
            "); de doorloop toont de beslissingen als die gegevens ontbreken.",
        }),
        blok.firstChild
      );
    }
    link.textContent = "Alle " + d.tabel.length + " uitkomsten van deze versie als JSON";

    function antwoorden() {
      var uit = {};
      namen.forEach(function (n) {
        var gekozen = formulier.querySelector('input[data-afweging="' + n + '"]:checked');
        uit[n] = gekozen ? gekozen.value : onbekend;
      });
      return uit;
    }

    function regelItem(spoor) {
      var r = d.regels[spoor[0]] || {};
      var bron = r.bron || {};
      var kop = [el("a", { href: "#" + spoor[0], tekst: spoor[0] })];
      if (spoor[1] !== "ja") kop.push(" (" + spoor[1] + ")");
      if (r.label) kop.push(": " + r.label);
      return el("li", { "data-regel": spoor[0] }, [
        el("p", {}, kop),
        bron.passage ? el("blockquote", { tekst: bron.passage }) : null,
        bron.adres
          ? el("p", { klasse: "mr-bron" }, [
              "Bron: ",
              el("a", { href: bron.adres, tekst: bron.titel || bron.adres }),
              bron.uitgever ? " — " + bron.uitgever : "",
            ])
          : null,
      ]);
    }

    function toon() {
      var a = antwoorden();
      var u = uitkomst(a);
      // The beslissingen, and which answers still matter (a lookup per alternative answer).
      d.beslissingen.forEach(function (b) {
        var w = u[b.naam];
        getoond[b.naam].waarde.textContent = w;
        getoond[b.naam].waarde.className = "mr-waarde mr-waarde--" + w;
        var kort = b.waarden[w] ? b.waarden[w].kort : "";
        getoond[b.naam].kort.textContent = kort === w ? "" : kort;
      });
      namen.forEach(function (n) {
        var zelfde = waarden.every(function (w) {
          var ander = Object.assign({}, a);
          ander[n] = w;
          var v = uitkomst(ander);
          return v.melden === u.melden && v.hulp === u.hulp;
        });
        vragen[n].invloed.hidden = !zelfde;
        vragen[n].veld.classList.toggle("mr-zonder-invloed", zelfde);
      });
      // The explanation: per beslissing its rules and sources, then acties and signaleringen.
      var delen = [];
      d.beslissingen.forEach(function (b) {
        var w = u[b.naam];
        var spoor = u.spoor[b.naam] || [];
        var hangt = (u.hangt_af_van[b.naam] || []).map(function (n) {
          return afweging[n] ? afweging[n].titel : n;
        });
        delen.push(
          el("section", { klasse: "mr-beslissing mr-beslissing--" + w, "data-uitleg-voor": b.naam }, [
            el("h3", { tekst: "Beslissing " + b.nummer + ": " + b.vraag }),
            el("p", { klasse: "mr-beslissing-tekst" }, [
              el("strong", { tekst: b.waarden[w] ? b.waarden[w].tekst : w }),
            ]),
            w === "onbepaald"
              ? el("p", { klasse: "mr-advies" }, [
                  hangt.length ? "Hangt af van: " + hangt.join(", ") + ". " : "",
                  el("strong", { tekst: d.advies_onbepaald }),
                ])
              : null,
            spoor.length
              ? el("div", {}, [
                  el("p", {
                    klasse: "mr-spoor-kop",
                    tekst: w === "onbepaald" ? "Regels die nog niet te beslissen zijn:" : "Gegeven door:",
                  }),
                  el("ul", { klasse: "mr-spoor" }, spoor.map(regelItem)),
                ])
              : null,
          ])
        );
      });
      var acties = u.acties.map(function (i) { return d.acties[i]; });
      delen.push(
        el("section", { klasse: "mr-acties" }, [
          el("h3", { tekst: "Acties" }),
          acties.length
            ? el(
                "ol",
                {},
                acties.map(function (act) {
                  var bron = act.bron || {};
                  return el("li", { "data-actie": act.code }, [
                    el("p", {}, [
                      act.omschrijving || act.code,
                      " (",
                      el("a", { href: "#" + act.regel, tekst: act.regel }),
                      ")",
                    ]),
                    bron.passage
                      ? el("details", {}, [
                          el("summary", { tekst: "Bron" }),
                          el("blockquote", { tekst: bron.passage }),
                          el("p", { klasse: "mr-bron" }, [el("a", { href: bron.adres, tekst: bron.titel })]),
                        ])
                      : null,
                  ]);
                })
              )
            : el("p", { tekst: "Geen acties bij deze antwoorden." }),
        ])
      );
      if (u.signaleringen.length) {
        delen.push(
          el("section", { klasse: "mr-signaleringen" }, [
            el("h3", { tekst: "Let op" }),
            el(
              "ul",
              {},
              u.signaleringen.map(function (i) {
                var s = d.signaleringen[i];
                return el("li", { "data-signalering": s.code, tekst: s.omschrijving });
              })
            ),
          ])
        );
      }
      if (u.afgeleid) {
        delen.push(
          el("p", {
            klasse: "mr-uitleg",
            tekst:
              "Het kader leidt zelf af: " +
              Object.keys(u.afgeleid)
                .map(function (n) { return n + " = " + u.afgeleid[n]; })
                .join(", ") +
              ".",
          })
        );
      }
      details.replaceChildren.apply(details, delen);
    }

    formulier.addEventListener("change", toon);
    toon();
  }

  // -- the register search --------------------------------------------------------------
  // normaliseer and woordvolgorde as in meldcode_rules.beroepsgroepen: NFKD, casefold,
  // no combining marks, letters and digits only (word order: words sorted).

  var LETTER_OF_CIJFER = /[\p{L}\p{N}]/u;
  var TEKEN = /\p{M}/u;

  function vouw(tekst) {
    return tekst.normalize("NFKD").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  }
  function normaliseer(tekst) {
    return Array.from(vouw(tekst))
      .filter(function (c) { return LETTER_OF_CIJFER.test(c) && !TEKEN.test(c); })
      .join("");
  }
  function woordvolgorde(tekst) {
    var schoon = Array.from(vouw(tekst))
      .filter(function (c) { return !TEKEN.test(c); })
      .map(function (c) { return LETTER_OF_CIJFER.test(c) ? c : " "; })
      .join("");
    return schoon.split(/\s+/).filter(Boolean).sort().join(" ");
  }

  function register(blok) {
    var link = blok.querySelector("a[data-register-bron]");
    if (!link) return Promise.resolve();
    blok.setAttribute("data-mr-klaar", "");
    return laadJson(link).then(function (index) {
      bouwRegister(blok, index);
    });
  }

  function bouwRegister(blok, index) {
    var zoekveld = blok.querySelector("[data-register-zoek]");
    var resultaat = blok.querySelector("[data-register-resultaat]");
    var adressen = JSON.parse(blok.getAttribute("data-kader-adressen") || "{}");
    var rijen = Array.prototype.slice.call(document.querySelectorAll("tr[data-register-rij]"));
    var sectoren = Array.prototype.slice.call(document.querySelectorAll("[data-register-sector]"));
    var sleutelsVan = index.beroepsgroepen.map(function (b) {
      return b.namen.map(normaliseer);
    });

    function antwoord(i) {
      var b = index.beroepsgroepen[i];
      var sector = index.sectoren[b.sector] || b.sector;
      var kop = el("p", { klasse: "mr-antwoord-kop" }, [
        el("strong", { tekst: b.naam }),
        " · " + sector + " ",
        el("span", { klasse: "mr-status mr-status--" + b.status, tekst: index.statussen[b.status] }),
      ]);
      var inhoud = [];
      if (b.status === "gecodeerd") {
        inhoud.push(
          el("p", {}, [
            "Afwegingskader: ",
            el("a", { href: adressen[b.kader] || "#", tekst: b.kader_titel || b.kader }),
            " (",
            el("code", { tekst: b.kader }),
            ").",
          ])
        );
      } else if (b.status === "bekend_niet_gecodeerd") {
        inhoud.push(el("p", { tekst: "Gebruikt: " + b.kader_naam + ". Dat kader is bekend, maar niet gecodeerd: " + b.reden }));
        inhoud.push(el("p", { klasse: "mr-advies" }, [el("strong", { tekst: "Advies: " }), b.advies]));
      } else {
        inhoud.push(el("p", { tekst: "Geen meldcodekader: " + b.reden }));
        if (b.kader_naam) inhoud.push(el("p", { tekst: "Wel: " + b.kader_naam }));
        inhoud.push(el("p", { klasse: "mr-advies" }, [el("strong", { tekst: "Advies: " }), b.advies]));
      }
      if (b.toelichting) inhoud.push(el("p", { klasse: "mr-uitleg", tekst: b.toelichting }));
      inhoud.push(
        el("p", { klasse: "mr-bron" }, [
          "Bron: ",
          el("a", { href: b.bron.adres, tekst: b.bron.titel }),
          " (" + b.bron.uitgever + ")",
        ])
      );
      if (b.bron.passage) inhoud.push(el("blockquote", { tekst: b.bron.passage }));
      return el(
        "article",
        {
          klasse: "mr-antwoord",
          "data-beroepsgroep": b.naam,
          "data-status": b.status,
          "data-kader": b.kader || "",
          "data-sector": b.sector,
        },
        [kop].concat(inhoud)
      );
    }

    function zoek() {
      var vraag = zoekveld.value;
      var sleutel = normaliseer(vraag);
      var gevonden = [];
      if (sleutel) {
        if (heeft(index.sleutels, sleutel)) gevonden = index.sleutels[sleutel];
        else {
          var volgorde = woordvolgorde(vraag);
          if (heeft(index.volgorde, volgorde)) gevonden = index.volgorde[volgorde];
        }
      }
      // The table: rows whose names contain the query (or that were found).
      var zichtbaar = {};
      index.beroepsgroepen.forEach(function (_, i) {
        zichtbaar[i] =
          !sleutel ||
          gevonden.indexOf(i) >= 0 ||
          sleutelsVan[i].some(function (s) { return s.indexOf(sleutel) >= 0; });
      });
      rijen.forEach(function (rij) {
        rij.hidden = !zichtbaar[Number(rij.getAttribute("data-register-rij"))];
      });
      sectoren.forEach(function (s) {
        s.hidden = !s.querySelector("tr[data-register-rij]:not([hidden])");
      });
      var delen = [];
      var soort = "leeg";
      if (!sleutel) {
        soort = "leeg";
      } else if (gevonden.length === 1) {
        soort = "gevonden";
        delen.push(antwoord(gevonden[0]));
      } else if (gevonden.length > 1) {
        soort = "dubbelzinnig";
        delen.push(
          el("p", {
            klasse: "mr-uitleg",
            tekst: "Deze naam past bij meer beroepsgroepen. Kies de uwe (de sector beslist), of zoek met een preciezere naam:",
          })
        );
        gevonden.forEach(function (i) { delen.push(antwoord(i)); });
      } else {
        soort = "onbekend";
        var suggesties = [];
        index.beroepsgroepen.forEach(function (b, i) {
          if (zichtbaar[i] && suggesties.length < 8) suggesties.push(b.naam);
        });
        delen.push(
          el("p", {}, [
            "Geen beroepsgroep met precies deze naam. ",
            suggesties.length ? "Bedoelt u een van deze?" : "Controleer de spelling, of zoek op een deel van de naam.",
          ])
        );
        if (suggesties.length) {
          delen.push(
            el(
              "ul",
              { klasse: "mr-suggesties" },
              suggesties.map(function (naam) {
                var b = el("button", { type: "button", klasse: "mr-knop", tekst: naam });
                b.addEventListener("click", function () {
                  zoekveld.value = naam;
                  zoek();
                  zoekveld.focus();
                });
                return el("li", {}, [b]);
              })
            )
          );
        }
      }
      resultaat.setAttribute("data-register-uitkomst", soort);
      resultaat.replaceChildren.apply(resultaat, delen);
    }

    zoekveld.addEventListener("input", zoek);
    var formulier = zoekveld.closest("form");
    if (formulier) formulier.hidden = false;
    zoek();
  }

  // -- start ----------------------------------------------------------------------------

  function start() {
    var werk = [stroomschemas()];
    document.querySelectorAll(".meldcode-doorloop:not([data-mr-klaar])").forEach(function (b) {
      werk.push(doorloop(b));
    });
    document.querySelectorAll(".meldcode-register:not([data-mr-klaar])").forEach(function (b) {
      werk.push(register(b));
    });
    Promise.all(
      werk.map(function (p) {
        return p.catch(function (fout) {
          console.error("meldcode: " + (fout && fout.message ? fout.message : fout));
          throw fout;
        });
      })
    ).then(
      function () { document.body.setAttribute("data-meldcode-klaar", "ja"); },
      function () { document.body.setAttribute("data-meldcode-klaar", "fout"); }
    );
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
