"""Svenska: every text grantcalc shows a user, by key (see :mod:`grantcalc.catalogue`).

Problem messages are under their stable codes; the words of tables, documents and the
command line under namespaced keys. Every text is a ``str.format`` template.
"""

LOCALE = "sv_SE"
NAME = "svenska"

TEXTS: dict[str, str] = {
    # --- reading files
    "file.missing": "filen finns inte",
    "file.unreadable": "filen kan inte läsas: {reason}",
    "file.is_directory": "är en mapp, inte en fil",
    "file.not_regular": "är {kind}, inte en vanlig fil: ange en fil",
    "file.empty": "filen är tom: skriv en budget (se exemplen i examples/)",
    "file.encoding": "filen är inte sparad som UTF-8 (ett tecken på raden går inte att läsa); spara den som UTF-8",
    "file.format": "okänt filformat {suffix!r}: använd .yaml, .yml, .toml eller .json",
    "file.too_large": "filen är för stor ({size} byte; högst {limit})",
    "file.too_many_values": "filen blir för stor när dess alias (*namn) har ersatts: mer än {limit} värden",
    # --- why a file could not be read or written (an OSError's errno), the {reason} of file.unreadable
    "oserror.EACCES": "behörighet saknas (du får inte läsa eller skriva här)",
    "oserror.EPERM": "åtgärden är inte tillåten",
    "oserror.ENAMETOOLONG": "filnamnet är för långt",
    "oserror.ENOTDIR": "en del av sökvägen är inte en mapp",
    "oserror.ELOOP": "sökvägen har för många symboliska länkar (en länk som pekar på sig själv?)",
    "oserror.EISDIR": "är en mapp, inte en fil",
    "oserror.ENOSPC": "disken är full",
    "oserror.EDQUOT": "diskkvoten är slut",
    "oserror.EROFS": "filsystemet är skrivskyddat",
    "oserror.ENOENT": "finns inte",
    "oserror.EEXIST": "finns redan",
    "oserror.EIO": "läs- eller skrivfel på disken",
    "oserror.EBADF": "strömmen är stängd",
    "oserror.ENXIO": "ingen enhet eller läsare i andra änden",
    "oserror.ETXTBSY": "filen används av ett annat program",
    "oserror.EMFILE": "för många öppna filer",
    "oserror.EINVAL": "ogiltigt filnamn",
    "syntax.yaml": "YAML-fel: {reason}",
    "syntax.json": "JSON-fel: {reason}",
    "syntax.toml": "TOML-fel: {reason}",
    "syntax.character": (
        "filen innehåller tecknet {character}, som inte får förekomma i en budgetfil (ett styrtecken eller ett "
        "trasigt tecken); ta bort det, eller spara filen som UTF-8-text"),
    "syntax.complex_key": (
        "en nyckel är en lista eller en tabell (ett ”?” först på raden?); en nyckel i en budget är ett namn följt "
        "av kolon, t.ex. name: Resor"),
    "syntax.duplicate_key": "nyckeln {key!r} förekommer två gånger",
    "syntax.tag": "YAML-taggen {tag} är inte tillåten i en budget",
    "syntax.not_mapping": "en budget ska bestå av nycklar med värden och börja med project:, period: och lines:",
    "syntax.key_type": "nyckeln {key!r} ska vara text",
    "syntax.too_deep": "listor och nycklar är nästlade i fler än {limit} nivåer härifrån, för djupt för en budget",
    "output.exists": "{path} finns redan: välj ett annat namn eller lägg till --force för att skriva över",
    "output.no_folder": "mappen {folder} finns inte",
    "output.suffix": "{path}: ett Word-dokument ska sluta på .docx, t.ex. ansokan.docx",
    "output.needs_name": "ange utfilen med -o, t.ex. -o ansokan.docx",
    "output.unwritable": "{path} kan inte skrivas: {reason}",
    "internal.error": (
        "internt fel ({error}). Det är en bugg i grantcalc; kör med GRANTCALC_DEBUG=1 för detaljer och rapportera "
        "den"),
    "output.empty_name": "utfilens namn är tomt: ange ett filnamn, t.ex. -o ansokan.docx",
    "output.not_a_file_name": "{path} slutar på / och är inget filnamn: ange filen, t.ex. {path}ansokan.docx",
    "output.interrupted": "avbröts (signal {signal}) innan filen var skriven; ingen fil ändrades",
    # --- exporting Excel workbooks and CSV
    "export.format": "{path}: filändelsen väljer formatet, .xlsx (Excel-arbetsbok) eller .csv, t.ex. -o budget.xlsx",
    "export.excel_suffix": "{path}: en Excel-arbetsbok ska sluta på .xlsx, t.ex. budget.xlsx",
    "export.needs_name": "ange utfilen med -o, t.ex. -o budget.xlsx eller -o budget.csv",
    # --- rendering Word documents
    "render.template_unknown": "okänd mall {name!r}: välj bland {names} eller ange en egen .docx-fil",
    "render.template_format": (
        "mallen ska vara ett Word-dokument (.docx) eller en formulärbeskrivning (.yaml), inte {suffix}; en "
        "Word-mall (.dotx) eller .docm sparas först som .docx"),
    "render.template_invalid": (
        "mallen är inget läsbart Word-dokument ({reason}); spara den som .docx i Word eller LibreOffice och försök "
        "igen"),
    "render.template_macros": (
        "mallen är ett makroaktiverat Word-dokument (.docm, eller med makron i sig); grantcalc använder inga makron "
        "och tar inte med dem: spara mallen som vanligt Word-dokument (.docx) i Word (Arkiv › Spara som › "
        "Word-dokument) och försök igen"),
    "render.template_unpacked": (
        "mallen packas upp till {size} byte (högst {limit}): det är inget vanligt Word-dokument; spara den som "
        ".docx i Word eller LibreOffice och försök igen"),
    "render.template_parts": (
        "mallen består av {count} delar (högst {limit}): det är inget vanligt Word-dokument; spara den som .docx i "
        "Word eller LibreOffice och försök igen"),
    "render.template_doctype": (
        "mallens del {part} har en dokumenttypdeklaration (<!DOCTYPE …>), som Word aldrig skriver och som kan "
        "användas för att läsa andra filer; grantcalc läser inte en sådan mall: spara den som .docx i Word eller "
        "LibreOffice och försök igen"),
    "render.template_syntax": (
        "fel i mallens fältkoder: {reason}, nära ”{context}”; fält skrivs {{{{ project.name }}}} och rader {{%tr "
        "for row in costs.rows %}}"),
    "render.unknown_field": (
        "mallen använder {field}, som inte finns. Fälten {where}: {known}. grantcalc render --fields visar alla fält"),
    "render.not_a_group": "mallen använder {field}, men {parent} är {kind} och har inga fält{advice}",
    "render.index": (
        "mallen använder element {index} i en lista med {count} element (räknat från 0); gå hellre igenom listan "
        "med {{%tr for row in … %}}"),
    "render.template_error": "mallen kunde inte fyllas i: {reason}",
    "render.template_unsafe": (
        "mallen försöker nå något utanför fälten grantcalc ger ({what}){where}; en mall får bara använda fälten som "
        "grantcalc render --fields visar"),
    "render.template_limit": "mallen räknar för mycket: {what} (högst {limit}){where}; förenkla mallen",
    "render.template_nesting": "mallens fältkoder ligger inuti varandra i för många nivåer{where}; förenkla mallen",
    # the {what}, {limit} and {where} of render.template_limit and render.template_unsafe
    "render.limit.range": "range(…) med {n} tal",
    "render.limit.text": "en text på {n} tecken",
    "render.limit.list": "en lista med {n} element",
    "render.limit.exponent": "exponenten {n} i en potens (**)",
    "render.limit.power": "potensen {n}",
    "render.limit.number": "ett tal med {n} siffror",
    "render.limit.overflow": "talet {n} blir för stort",
    "render.limit.output": "det ifyllda dokumentet blir för stort",
    "render.limit.time": "ifyllningen tar för lång tid",
    "render.limit.operations": "för många steg (uppslag, anrop, räknesätt, filter, utskrifter och varv i loopar)",
    "render.limit.depth": "makron som anropar makron i för många led",
    "render.limit.at_least": "minst 10^{n}",
    "render.limit.xml": "{n} tecken XML",
    "render.limit.seconds": "{n} sekunder",
    "render.limit.near": ", nära ”{context}”",
    "render.unsafe.what": "{name} hos {kind}",
    "chart.unavailable": "diagram kräver matplotlib: installera med {install}",
    # --- scenarios and goal seek
    "scenario.parameter_unknown": (
        "{name!r} är ingen parameter i budgeten{hint}: skriv radens namn och fältet, t.ex. \"EVI-coacher.fte\" "
        "eller \"Resor.amount\" (raderna: {known})"),
    "scenario.field_unknown": "{name!r}: {field!r} är inget fält här{hint}; fälten: {known}",
    "scenario.item_unknown": "{name!r}: {item!r} finns inte{hint}; välj bland {known}",
    "scenario.parameter_path": (
        "{name!r} pekar inte på ett värde i budgeten: skriv t.ex. \"EVI-coacher.fte\" eller "
        "\"EVI-coacher.by_year.2025.fte\""),
    "scenario.parameter_type": "en parameter skrivs som text, t.ex. \"EVI-coacher.fte\", inte {value}",
    "scenario.parameter_nowhere": "ingen rad har {name!r}",
    "scenario.parameter_unset": (
        "{name!r}: raden har ingen {part}; ge hela delen, t.ex. {{\"{part}\": {{\"rate\": \"3 %\"}}}} med "
        "with_values"),
    "scenario.parameter_year": "{name!r}: {part!r} är inget budgetår (skriv t.ex. by_year.2025.fte)",
    "scenario.value_invalid": "{setting} ger ingen giltig budget: {reason}",
    "scenario.value_year": "{setting}: {year} är inget budgetår i perioden",
    "scenario.no_parameters": "ange minst en parameter och dess värden, t.ex. {{\"EVI-coacher.fte\": [1, 1.5, 2]}}",
    "scenario.no_values": "{name!r} har inga värden att pröva",
    "scenario.lengths": "med grid=False ska listorna vara lika långa ({lengths})",
    "seek.cap_or_target": "ange antingen cap (ett tak) eller target (ett mål), inte båda och inte ingen",
    "seek.step": "{name}: steget ska vara större än 0",
    "seek.low_invalid": "{name}: det lägsta värdet {low} går inte att använda; ange lo",
    "seek.high_invalid": (
        "{name}: det högsta värdet {high} går inte att använda eller ligger under det lägsta; ange ett annat hi"),
    "seek.no_solution": "inget värde av {name} håller sig inom taket {cap}: redan {value} ger {amount}",
    "seek.each_target": "year=\"each\" går bara med ett tak (cap), inte med ett mål",
    "seek.year": "{year} är inget budgetår; välj bland {years} eller \"each\"",
    "seek.metric": (
        "{metric!r} är ingen finansiär{hint}; välj \"total\", \"cash\", \"applied\" eller en finansiär: {known}"),
    "seek.callable_year": "en egen funktion som mått räknar själv ut året; ange inte year",
    "render.chart_missing": "mallen visar diagrammet {field}, men diagram kräver matplotlib: installera med {install}",
    "render.charts_left_out": "dokumentet skrevs utan diagram eftersom matplotlib saknas; installera med {install}",
    "render.form_invalid": "formulärbeskrivningen är ogiltig: {reason}",
    "render.unbalanced": (
        "kostnaderna ({costs}) och finansieringen ({financing}) balanserar inte; dokumentet visar dem som de är: "
        "kör grantcalc check för detaljer"),
    "text.bidi_control": (
        "innehåller ett osynligt tecken för skrivriktning ({char}) som får texten att visas i en annan ordning än "
        "den står; ta bort det"),
    "text.control_character": "innehåller ett styrtecken ({char}) som inte kan stå i ett dokument; ta bort det",
    # --- values (pydantic error types and our own)
    "invalid.missing": "saknas",
    "invalid.extra_forbidden": "okänd nyckel{hint}",
    "invalid.greater_than": "måste vara större än {gt}",
    "invalid.greater_than_equal": "måste vara minst {ge}",
    "invalid.less_than": "måste vara mindre än {lt}",
    "invalid.less_than_equal": "får vara högst {le}",
    "invalid.not_a_number": "{value!r} är inte ett tal",
    "invalid.too_large": "{value!r} är orimligt stort (högst {limit})",
    "invalid.not_finite": "måste vara ett ändligt tal",
    "invalid.too_precise": "{value!r} har för många decimaler (högst {places})",
    "invalid.number_too_long": (
        "{value!r} är för långt för att vara ett tal: {length} tecken, men ett tal får vara högst {limit} tecken; "
        "skriv bara talet"),
    "invalid.formula_too_long": (
        "formeln {value!r} är för lång: {length} tecken, men en formel får vara högst {limit} tecken; skriv "
        "beloppet eller formeln som dokumentet skriver den"),
    "invalid.extra_forbidden_more": (
        "okänd nyckel, och efter den {more} okända nycklar till på samma ställe, som inte visas var för sig; ta "
        "bort eller rätta dem"),
    "invalid.extra_forbidden_rest": (
        "okänd nyckel: filen har redan {listed} okända nycklar ovanför, så den här och {more} till längre ned i "
        "filen visas inte var för sig; ta bort eller rätta dem"),
    "invalid.invalid_key": "nyckeln ska vara text",
    "invalid.bool_parsing": "ska vara true eller false",
    "invalid.percent_not_allowed": "{value!r}: procent går inte här, skriv ett tal",
    "invalid.decimal_parsing": "är inte ett tal",
    "invalid.decimal_type": "ska vara ett tal",
    "invalid.int_parsing": "ska vara ett heltal",
    "invalid.int_type": "ska vara ett heltal",
    "invalid.int_from_float": "ska vara ett heltal",
    "invalid.string_type": "ska vara text",
    "invalid.string_too_short": "får inte vara tom",
    "invalid.bool_type": "ska vara true eller false",
    "invalid.dict_type": "ska vara nycklar med värden (nyckel: värde)",
    "invalid.model_type": "ska vara nycklar med värden (nyckel: värde)",
    "invalid.model_attributes_type": "ska vara nycklar med värden (nyckel: värde)",
    "invalid.list_type": "ska vara en lista",
    "invalid.too_short": "ska ha minst {min_length} element",
    "invalid.date_type": "ska vara ett datum åååå-mm-dd",
    "invalid.date_parsing": "ska vara ett datum åååå-mm-dd",
    "invalid.date_from_datetime_parsing": "{value!r} är inget giltigt datum: skriv åååå-mm-dd, t.ex. 2025-02-28",
    "invalid.date_number": "{value} är ett tal, inte ett datum: skriv åååå-mm-dd, t.ex. 2025-12-31",
    "invalid.date_from_datetime_inexact": "ska vara ett datum utan klockslag",
    "invalid.literal_error": "ska vara {expected}",
    "invalid.enum": "ska vara {expected}",
    "invalid.union_tag_invalid": "okänd radtyp {tag!r}{hint}; kända: {expected_tags_sv}",
    "invalid.union_tag_not_found": "saknar kind (radtyp: {expected_tags_sv})",
    "invalid.on_cost_below_one": (
        "påslaget {value} är under 1: skriv 1.42 (eller \"42 %\") för 42 % personalomkostnader"),
    "invalid.rate_too_high": "{value} är orimligt hög som andel: skriv \"3,3 %\" eller 0.033",
    "invalid.month_day": "ska vara månad-dag, t.ex. \"01-01\" eller \"04-01\"",
    "invalid.year_key": "{value!r} är inte ett budgetår",
    "invalid.one_of": "ange {options}",
    "invalid.only_one_of": "ange bara en av {options}",
    # --- the budget as a whole
    "budget.period_order": "perioden slutar {end} före starten {start}",
    "budget.duplicate_line": "radnamnet {name!r} används redan av kostnadsrad nr {number}",
    "budget.unknown_category": (
        "okänt kostnadsslag {name!r}{hint}; deklarera det under categories eller välj bland: {known}"),
    "budget.unknown_year": "{year} är inget budgetår i perioden ({years})",
    "budget.date_outside": "datumet {date} ligger utanför perioden {start} – {end}",
    "budget.line_dates": "raden slutar {end} före sin start {start}",
    "budget.unknown_line": "okänd rad {name!r}{hint}",
    "budget.percentage_self": "procentraden {name!r} kan inte ingå i sitt eget underlag",
    "budget.period_too_long": (
        "perioden {start} – {end} omfattar {count} budgetår; högst {limit} går (ett skrivfel i årtalet?)"),
    "budget.period_range": "perioden {start} – {end} går inte att dela i budgetår: årtalen ska ligga mellan 1 och 9998",
    "budget.unknown_funder": (
        "projektets finansiär {name!r} finns inte bland finansiärerna under financing{hint}: skriv namnet som där "
        "eller markera den sökta med applies: true; finansiärerna: {known}"),
    "budget.percentage_cycle": "procentraderna bildar en cirkel: {cycle}",
    "budget.empty_base": "underlaget för procentsatsen är tomt",
    "budget.fiscal_month": "fiscal_year_start gäller bara budget_years: fiscal",
    "budget.duplicate_category": "kostnadsslaget {name!r} är deklarerat två gånger",
    "financing.duplicate_funder": "finansiären {name!r} finns redan som finansiär nr {number}",
    "financing.two_rests": "bara en finansiär kan täcka resten (rest: true); {name!r} gör det redan",
    "financing.two_applicants": "bara en finansiär kan vara den sökta (applies: true); {name!r} är det redan",
    "financing.line_twice": "kostnadsraden {line!r} bärs redan av {name!r}",
    "financing.in_kind_line_cash": (
        "{line!r} är en insats i natura och kan inte bäras kontant: låt en finansiär i natura bära den (in_kind: "
        "true), skild från de kontanta raderna"),
    "invalid.stated_figure": (
        "{value!r} är varken ett belopp eller en formel som \"42.350 kr × 1,42 × 3,5 = 210.479 kr\""),
    # --- check: reconciliation (errors)
    "balance.year": (
        "{year}: kostnaderna {costs} och finansieringen {financing} balanserar inte (finansiering \u2212 kostnader "
        "= {difference})"),
    "balance.total": (
        "totalt: kostnaderna {costs} och finansieringen {financing} balanserar inte (finansiering \u2212 kostnader "
        "= {difference}); summan ska balansera mot finansieringsbudgeten"),
    "applied.differs": (
        "sökt belopp {stated} stämmer inte med finansieringen från {funder}, {computed} (skillnad {difference})"),
    "applied.no_funder": (
        "sökt belopp anges ({stated}), men ingen finansiär är den sökta: markera den med applies: true"),
    "financing.rest_negative": (
        "{year}: de andra finansiärerna står för {others}, mer än kostnaderna {costs}; {funder} skulle få {amount}"),
    "financing.cap_year": "{year}: {funder} finansierar {amount}, över taket {cap} per år (med {excess})",
    "financing.cap_total": "{funder} finansierar {amount} totalt, över taket {cap} (med {excess})",
    "financing.share": (
        "{year}: {funder} finansierar {amount}, men andelen {share} av {base} är {expected} (skillnad {difference})"),
    "financing.max_share": (
        "{funder} finansierar {amount} totalt, mer än högst {share} av {base}, {expected} (med {excess})"),
    # --- check: stated figures
    "stated.line_year": "{line}, {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
    "stated.line_total": "{line}, totalt: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
    "stated.costs_year": (
        "kostnadsbudgetens summa {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})"),
    "stated.costs_total": (
        "kostnadsbudgetens totalsumma: ansökan anger {stated}, beräknat {computed} (skillnad {difference})"),
    "stated.funder_year": "{funder}, {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
    "stated.funder_total": "{funder}, totalt: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
    "stated.financing_year": (
        "finansieringsbudgetens summa {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})"),
    "stated.financing_total": (
        "finansieringsbudgetens totalsumma: ansökan anger {stated}, beräknat {computed} (skillnad {difference})"),
    "stated.plan_total": (
        "tids- och aktivitetsplanens summa: ansökan anger {stated}, aktiviteterna ger {computed} (skillnad "
        "{difference})"),
    "stated.formula": (
        "{line}, {year}: formeln som den står, ”{text}”, ger {product}, inte {result} (skillnad {difference})"),
    # --- check: months, raises, rates, plan (warnings)
    "period.months": (
        "{year} budgeteras med {budgeted} månader, men perioden har {counted} månader det året ({start} – {end}); "
        "hela budgeten räknar {budget_months} månader för en period på {period_months}"),
    "period.line_months": "{line}, {year}: {budgeted} månader budgeteras, men raden löper {counted} månader det året",
    "raise.salary": (
        "{line}, {year}: månadslönen {stated} följer inte den årliga löneökningen {rate}: {previous} × {factor} = "
        "{exact}, alltså {expected}; med den blir årets kostnad {impact} {more_or_less}"),
    "rate.conversion": (
        "{line}, {year}: räknar med {year_rate} i stället för radens {line_rate} (= {converted}); beloppet blir "
        "{stated} i stället för {expected} (skillnad {difference})"),
    "plan.costs": (
        "tids- och aktivitetsplanen: {activities} kostar {plan}, men kostnadsraderna de hör till ({lines}) har "
        "{cost} för {years} (skillnad {difference})"),
    "plausibility.negative_line": "{line} har ett negativt totalbelopp, {amount}",
    "plausibility.negative_year": "{year}: kostnadsbudgetens summa är negativ, {amount}",
    # --- check: what explicit amounts imply (info, on request)
    "implied.on_cost": "{line}, {year}: {amount} motsvarar påslaget {value} på {salary} × {fte} × {months} mån",
    "implied.monthly_salary": (
        "{line}, {year}: {amount} motsvarar månadslönen {value} med {on_cost} × {fte} × {months} mån"),
    "implied.fte": (
        "{line}, {year}: {amount} motsvarar tjänstgöringsgraden {value} med {salary} × {on_cost} × {months} mån"),
    "implied.change": (
        "{line}: kostnaden per månad ändras med {value} från {previous_year} till {year} ({previous_monthly}/mån → "
        "{monthly}/mån)"),
    # --- plausibility (warnings)
    "plausibility.on_cost_high": (
        "påslaget {value} är över 3 – menade du {suggestion}? (påslaget {suggestion} betyder {percent} % "
        "personalomkostnader)"),
    "plausibility.salary_low": (
        "månadslönen {value} kr är ovanligt låg – menade du {suggestion} kr? (42.350 läses som 42,35)"),
    "plausibility.fte_high": (
        "tjänstgöringsgraden {value} betyder {value} heltidstjänster – menade du {fte}? (skriv {suggestion} eller "
        "\"{value} %\")"),
    "plausibility.fte_people": "{fte} tjänst är mer än {people} personer kan bära",
    # --- severities and the parts of every message
    "severity.error": "fel",
    "severity.warning": "varning",
    "severity.info": "info",
    "message.did_you_mean": " (menade du {suggestion!r}?)",
    # --- formats: where the currency and the percent sign go
    "format.money": "{amount}\u00a0kr",
    "format.percent": "{value}\u00a0%",
    "format.excel_money": "{digits} \"kr\"",
    # --- budget years and formulas (42 350 kr × 1,42 × 3,5 mån = 210 479 kr)
    "year.project": "År {number}",
    "formula.per.month": "mån",
    "formula.per.year": "år",
    "formula.per.hour": "tim",
    "formula.months": "{n}\u00a0mån",
    "formula.year_share": "{n}/12\u00a0mån",
    "formula.hours": "{n}\u00a0tim",
    "formula.places": "{n}{block}\u00a0platser",
    "formula.times": "{n}\u00a0ggr",
    "formula.rounded": "avrundat till",
    "formula.rounded_down": "avrundat nedåt till",
    "formula.rounded_up": "avrundat uppåt till",
    # --- the words of the tables (grantcalc show, the check report, HTML)
    "word.category": "Kostnadsslag",
    "word.line": "Kostnadsrad",
    "word.total": "Totalt",
    "word.sum": "Summa",
    "word.in_kind": "i natura",
    "word.of_which_in_kind": "varav i natura",
    "word.amounts_in": "belopp i kr",
    "word.months": "mån",
    "word.not_stated": "belopp ej angivet",
    "word.stated": "angivet belopp",
    "word.total_lower": "totalt",
    "word.cash": "kontant",
    "word.yes": "ja",
    "word.no": "nej",
    # --- the rows grantcalc adds to a financing budget: the funder of a budget that declares none,
    # and the row of a party's in-kind lines no funder carries (when a funder has the party's name)
    "funder.default": "Sökt belopp",
    "funder.in_kind": "{party} (i natura)",
    "funder.in_kind_n": "{party} (i natura {number})",
    # --- the check report (text and HTML)
    "report.funder": "Finansiär",
    "report.financing": "Finansieringsbudget",
    "report.costs": "Kostnadsbudget",
    "report.applied": "Sökt belopp",
    "report.balanced": "Kostnader och finansiering balanserar varje år.",
    "report.unbalanced": "Kostnader och finansiering balanserar inte.",
    "report.findings": "Anmärkningar",
    "report.stated": "Angivna belopp jämförda med beräkningen: {compared}, varav {differing} avviker.",
    "report.none": "Inga anmärkningar.",
    "report.difference": "Skillnad (finansiering \u2212 kostnader)",
    "report.line_no": "rad {line}",
    "report.summary": "{errors}, {warnings}, {infos}",
    "report.errors.one": "{n} fel",
    "report.errors.other": "{n} fel",
    "report.warnings.one": "{n} varning",
    "report.warnings.other": "{n} varningar",
    "report.infos.one": "{n} info",
    "report.infos.other": "{n} info",
    # --- Excel workbooks and CSV: the sheets, and the words on them
    "sheet.costs": "Kostnader",
    "sheet.financing": "Finansiering",
    "sheet.computation": "Beräkning",
    "sheet.findings": "Granskning",
    "excel.category": "Kostnadsslag",
    "excel.line": "Kostnadsrad",
    "excel.total": "Totalt",
    "excel.sum": "Summa",
    "excel.funder": "Finansiär",
    "excel.in_kind": "i natura",
    "excel.yes": "ja",
    "excel.costs": "Kostnader",
    "excel.difference": "Skillnad (finansiering \u2212 kostnader)",
    "excel.year": "År",
    "excel.amount": "Belopp",
    "excel.months": "Månader",
    "excel.formula": "Formel",
    "excel.severity": "Typ",
    "excel.code": "Kod",
    "excel.place": "Plats",
    "excel.field": "Fält",
    "excel.message": "Meddelande",
    "excel.no_findings": "Inga anmärkningar",
    "excel.amounts_in": "belopp i kr",
    # --- data frames, sweeps and comparisons (pandas)
    "frame.total": "Totalt",
    "frame.sum": "Summa",
    "sweep.total": "Totalt",
    "sweep.applied": "Sökt belopp",
    # --- goal seek: the answer in a sentence
    "seek.says.cap": "{name} = {value} håller {what} inom {limit}: {achieved}, {gap} under taket",
    "seek.says.target": "{name} = {value} ger {what} närmast {limit}: {achieved}",
    "seek.says.off": ", {gap} {side} målet",
    "seek.says.exact": ", exakt",
    "seek.says.above": "över",
    "seek.says.below": "under",
    "seek.says.next": " (nästa steg, {value}, ger {amount})",
    "seek.says.now": ". Budgeten har i dag {was}; steg {step}, {evaluations} beräkningar.",
    "seek.metric.total": "kostnaderna",
    "seek.metric.cash": "kostnaderna utom i natura",
    "seek.metric.applied": "sökt belopp",
    "seek.metric.each": "{what} varje budgetår",
    "seek.metric.year": "{what} {year}",
    # --- charts
    "chart.costs": "Kostnader per budgetår och kostnadsslag",
    "chart.financing": "Finansiering per budgetår och finansiär",
    "chart.budget": "budgeten",
    "chart.cap": "tak {amount}",
    "chart.currency": "kr",
    # --- the built-in forms (Word): the words their blocks print
    "form.name": "Insatsens namn",
    "form.period": "Planerad insatstid",
    "form.applied": "Ansökta medel från samordningsförbundet",
    "form.funder": "samordningsförbundet",
    "form.organisation": "Organisation",
    "form.organisation_number": "Organisationsnummer",
    "form.unit": "Arbetsställe",
    "form.contact": "Kontaktperson",
    "form.phone": "Telefon",
    "form.email": "E-post",
    "form.role": "Roll",
    "form.person": "Namn",
    "form.activity": "Aktiviteter",
    "form.start": "Startdatum",
    "form.end": "Slutdatum",
    "form.cost": "Kostnad",
    "form.category": "Kostnadsslag",
    "form.specification": "Kostnadsspecifikation",
    "form.funder_column": "Finansiär",
    "form.total": "Totalt",
    "form.sum": "Summa",
    "form.line": "Kostnad",
    "form.calculation": "Beräkning",
    "form.amount": "Belopp",
    "form.for_party": "För {party}",
    "form.place_date": "Ort och datum",
    "form.signature": "Underskrift",
    "form.clarification": "Namnförtydligande",
    "form.position": "Befattning",
    "form.year_sum": "Summa kostnader {label}",
    "form.period_total": "Totala kostnader {period} ({months} mån): {total}",
    "form.applies": (
        "{applicant} ansöker om {amount} från {funder} för projektet ”{project}” under perioden {period}, enligt "
        "ovanstående kostnadskalkyl."),
    "form.in_kind": "Medfinansiering i natura: {items}.",
    "form.no_plan": (
        "Budgetfilen har ingen tids- och aktivitetsplan (plan:). Fyll i aktiviteterna här eller lägg till dem i "
        "budgetfilen."),
    "form.amounts_in": "Belopp i kronor.",
    "form.not_stated": "belopp ej angivet",
    "form.in_kind_short": "i natura",
    "form.subtitle": "{funder} · {period}",
    "form.chart_costs": "Figur: kostnader per budgetår och kostnadsslag.",
    "form.chart_financing": "Figur: finansiering per budgetår och finansiär.",
    "form.applicant": "Sökande",
    "form.role.leader": "insatsledare",
    "form.role.contact": "kontaktperson",
    "form.role.finance": "ekonomiansvarig",
    # --- the fields of a document (grantcalc render --fields)
    "field.intro": (
        "Fält i en egen .docx-mall: {{{{ project.name }}}}. Listor ([]) upprepas per rad: {{%tr for row in "
        "costs.rows %}} … {{{{ row.total }}}} … {{%tr endfor %}}. Färdiga tabeller: {{{{p tables.costs }}}}."),
    "field.year_heading": "År {label}",
    "field.in_kind_note": "finansieras av {party} (i natura)",
    "field.owner_roles": "insatsägare, projektägare, huvudman, sökande",
    "field.lang": "dokumentets språk: sv eller en",
    "field.today": "dagens datum, åååå-mm-dd",
    "field.project.name": "insatsens/projektets namn",
    "field.project.applicant": "sökande / insatsägare",
    "field.project.funder": "finansiären ansökan riktas till",
    "field.project.description": "kort beskrivning",
    "field.project.period": "planerad insatstid: åååå-mm-dd – åååå-mm-dd",
    "field.project.start": "startdatum",
    "field.project.end": "slutdatum",
    "field.project.months": "insatstiden i månader",
    "field.project.owner": "ansvarig för genomförandet (insatsägaren); samma fält som en part",
    "field.project.parties[]": "parterna, i budgetfilens ordning",
    "field.project.parties[].name": "organisation",
    "field.project.parties[].role": "roll, t.ex. insatsägare",
    "field.project.parties[].organisation_number": "organisationsnummer",
    "field.project.parties[].unit": "arbetsställe",
    "field.project.parties[].contact": "kontaktpersonens namn (den första kontakten)",
    "field.project.parties[].phone": "kontaktpersonens telefon",
    "field.project.parties[].email": "kontaktpersonens e-post",
    "field.project.parties[].contacts[]": "partens kontaktpersoner: role, name, phone, email",
    "field.project.contacts[]": "alla kontaktpersoner: role, name, phone, email, party",
    "field.years[]": "budgetåren, i ordning",
    "field.years[].label": "årets rubrik: 2024, År 1 eller 2024/25",
    "field.years[].heading": "kolumnrubrik som i blanketten: År 2024",
    "field.years[].start": "första dagen inom perioden",
    "field.years[].end": "sista dagen inom perioden",
    "field.years[].months": "månader som budgeteras",
    "field.years[].costs": "årets kostnader, med kr",
    "field.years[].financing": "årets finansiering, med kr",
    "field.years[].lines[]": "årets kostnadsrader med beräkning (se nedan)",
    "field.years[].lines[].name": "kostnadsrad",
    "field.years[].lines[].specification": "kostnadsspecifikation (annars radens namn)",
    "field.years[].lines[].category": "kostnadsslag",
    "field.years[].lines[].calculation": "beräkningen fram till likhetstecknet: 42 350 kr × 1,42 × 3,5 mån =",
    "field.years[].lines[].formula": "hela formeln med resultat",
    "field.years[].lines[].amount": "belopp, med kr (tomt när beloppet inte anges)",
    "field.years[].lines[].note": "t.ex. finansieras av Smedjebackens kommun (i natura)",
    "field.years[].lines[].party": "part som bär kostnaden i natura (annars tomt)",
    "field.lines[]": "kostnadsraderna",
    "field.lines[].name": "kostnadsrad",
    "field.lines[].category": "kostnadsslag",
    "field.lines[].specification": "kostnadsspecifikation (annars radens namn)",
    "field.lines[].amounts": "belopp per budgetår (lista i årens ordning)",
    "field.lines[].total": "radens totalt",
    "field.lines[].party": "part som bär kostnaden i natura (annars tomt)",
    "field.costs.rows[]": "kostnadsbudgetens rader: category, specification, name, amounts, total",
    "field.costs.sum.amounts": "Summa per budgetår",
    "field.costs.sum.total": "Summa totalt",
    "field.costs.total": "totala kostnader, med kr",
    "field.costs.in_kind": "varav i natura, med kr",
    "field.costs.cash": "kostnader att betala kontant, med kr",
    "field.categories.rows[]": "kostnadsslagen: name, amounts, total",
    "field.categories.sum.amounts": "Summa per budgetår",
    "field.categories.sum.total": "Summa totalt",
    "field.financing.rows[]": "finansieringsbudgetens rader: name, amounts, total, kind (kontant/i natura)",
    "field.financing.sum.amounts": "Summa per budgetår",
    "field.financing.sum.total": "Summa totalt",
    "field.financing.total": "total finansiering, med kr",
    "field.financing.balanced": "ja om kostnader och finansiering balanserar varje år, annars nej",
    "field.plan.rows[]": "tids- och aktivitetsplanen: name, start, end, cost",
    "field.plan.sum": "planens Summa",
    "field.applied_amount": "sökt belopp, med kr",
    "field.total": "totala kostnader, med kr",
    "field.tables.costs": "kostnadsbudgeten som färdig tabell: {{{{p tables.costs }}}}",
    "field.tables.categories": "kostnader per kostnadsslag som färdig tabell",
    "field.tables.financing": "finansieringsbudgeten som färdig tabell",
    "field.tables.plan": "tids- och aktivitetsplanen som färdig tabell",
    "field.tables.justification": "projektets ekonomi år för år med formler",
    "field.charts.costs": "diagram: kostnader per år och kostnadsslag: {{{{ charts.costs }}}}",
    "field.charts.financing": "diagram: finansiering per år och finansiär",
    # --- user templates: the parts of messages about them
    "render.where.top": "på översta nivån",
    "render.where.in": "i {path}",
    "render.advice.loop": ": gå igenom listan med {{%tr for row in … %}}",
    "render.reason_near": "{reason}, nära ”{context}”",
    "render.kind.field": "fältet {path}",
    "render.kind.fields": "fälten",
    "render.kind.text": "en text",
    "render.kind.plain_text": "text",
    "render.kind.value": "ett värde",
    "render.kind.number": "ett tal",
    "render.kind.list": "en lista",
    "render.kind.mapping": "en uppslagstabell",
    "render.kind.function": "funktionen {name}",
    "render.kind.partial": "en funktion",
    "render.kind.loop": "loop",
    "render.kind.self": "self",
    "render.kind.undefined": "ett fält som inte finns",
    "render.kind.macro": "ett makro",
    "render.kind.object": "ett objekt av typen {type}",
    # --- why a .docx template cannot be read (the {reason} of render.template_invalid)
    "render.invalid.empty": "filen är tom",
    "render.invalid.not_zip": "det är ingen zip-fil, vilket ett .docx-dokument är",
    "render.invalid.damaged": "zip-filen är trasig eller avkortad: {error}",
    "render.invalid.encrypted": "delen {part} är krypterad, vilket Word aldrig skriver",
    "render.invalid.method": "delen {part} är packad med metod {method}, vilket Word aldrig skriver",
    "render.invalid.no_content_types": "[Content_Types].xml saknas",
    "render.invalid.content_types": "[Content_Types].xml är trasig: {error}",
    "render.invalid.dotx": "det är en Word-mall (.dotx), som sparas först som .docx",
    "render.invalid.no_main": "paketet har ingen huvuddel för ett Word-dokument (är det en annan sorts fil?)",
    "render.invalid.unpacks_more": "delen {part} packas upp till mer än zip-filen anger ({size} byte)",
    "render.invalid.unpack": "delen {part} kan inte packas upp: {error}",
    "render.invalid.shorter": "delen {part} är kortare än zip-filen anger",
    # --- what a file that is not a regular file is (the {kind} of file.not_regular)
    "file.kind.fifo": "en namngiven rörledning (FIFO)",
    "file.kind.device": "en enhet (device)",
    "file.kind.socket": "en socket",
    "file.kind.other": "inte en vanlig fil",
    # --- the command line: what it prints
    "cli.error": "{prog}: fel: {message}",
    "cli.default": " (standard)",
    "cli.render_needs_budget": (
        "grantcalc render: ange en budgetfil, t.ex. grantcalc render budget.yaml -o ansokan.docx"),
    "cli.wrote_document": "Skrev {path} (mall: {template})",
    "cli.wrote": "Skrev {path}",
    "cli.created": "Skapade {path}. Fyll i den och kör: grantcalc show {path}",
    # --- the command line: its help
    "cli.description": "Beräkna, kontrollera och skriv budgeten i en ansökan (samordningsförbund, ESF, Arvsfonden).",
    "cli.metavar.command": "KOMMANDO",
    "cli.metavar.budget": "BUDGET",
    "cli.metavar.file": "FIL",
    "cli.metavar.template": "MALL",
    "cli.help.version": "visa versionen och avsluta",
    "cli.help.budget": "budgetfil (.yaml, .toml, .json; - för standard in)",
    "cli.help.budgets": "budgetfiler (.yaml, .toml, .json; - för standard in)",
    "cli.help.lang": "språk (standard: budgetens, annars {default})",
    "cli.help.force": "skriv över FIL om den finns",
    "cli.show.help": "visa kostnadsbudgeten per budgetår",
    "cli.show.description": "Visa kostnadsbudgeten per budgetår med summor.",
    "cli.show.by": "en rad per kostnadsrad (line) eller per kostnadsslag (category)",
    "cli.show.formulas": "visa formeln bakom varje belopp, år för år",
    "cli.check.help": "kontrollera budgetar: balans mot finansieringen, angivna belopp, rimlighet",
    "cli.check.description": (
        "Beräkna och granska budgetar: kostnader mot finansiering år för år, sökt belopp, belopp och formler som "
        "ansökan anger, löneökningar, månader, tids- och aktivitetsplan. Slutstatus 0: allt balanserar och inga "
        "fel; 1: fel (med --strict även varningar); 2: en fil kan inte läsas eller är ogiltig."),
    "cli.check.format": (
        "text (standard), json eller github (GitHub Actions-anteckningar; väljs av sig själv under GitHub Actions)"),
    "cli.check.strict": "varningar räknas som fel (slutstatus 1)",
    "cli.check.implied": "visa också vad angivna klumpsummor innebär (t.ex. påslaget bakom en lönesumma)",
    "cli.new.help": "skapa en ny budgetfil att fylla i",
    "cli.new.description": "Skapa en ny budgetfil med kommentarer på svenska, klar att fylla i.",
    "cli.new.output": "den nya budgetfilen, t.ex. budget.yaml",
    "cli.render.help": "skriv ansökan som Word-dokument (blanketten eller en egen mall)",
    "cli.render.description": (
        "Skriv ansökan som Word-dokument (.docx) från budgeten: samordningsförbundets blankett (standard), "
        "budgetmotiveringen Projektets ekonomi, eller en egen .docx-mall med fält som {{{{ project.name }}}}. Varje "
        "belopp kommer ur beräkningen."),
    "cli.render.output": "Word-dokumentet att skriva (standard: BUDGET med .docx)",
    "cli.render.template": (
        "en inbyggd mall (se --list-templates) eller en egen .docx-mall (standard: samordningsforbund)"),
    "cli.render.no_charts": "utan diagram",
    "cli.render.list_templates": "visa de inbyggda mallarna och avsluta",
    "cli.render.fields": "visa fälten en egen mall kan använda (med värden om BUDGET anges) och avsluta",
    "cli.export.help": "skriv budgeten som Excel-arbetsbok (.xlsx) eller CSV",
    "cli.export.description": (
        "Skriv budgeten som Excel-arbetsbok (.xlsx) med flikarna Kostnader, Finansiering, Beräkning och Granskning, "
        "där varje Totalt och Summa är en formel som räknar om när du ändrar ett belopp; eller som CSV (.csv) med "
        "en rad per kostnadsrad och budgetår. Filändelsen i -o väljer formatet."),
    "cli.export.output": "filen att skriva, .xlsx eller .csv (standard: BUDGET med .xlsx i aktuell mapp)",
    "cli.schema.help": "skriv JSON Schema för budgetfilen",
    "cli.schema.description": "Skriv budgetfilens JSON Schema (för redigerare: komplettering och stavfel).",
    "cli.schema.output": "skriv till FIL i stället för standard ut",
    # --- argparse's own words, as the command line prints them (its usage line, headings, errors)
    "argparse.usage": "användning: ",
    "argparse.positional": "argument:",
    "argparse.options": "flaggor:",
    "argparse.help": "visa den här hjälpen och avsluta",
    "argparse.required": "följande argument saknas: {a}",
    "argparse.unrecognized": "okända argument: {a}",
    "argparse.invalid_choice": "argument {name}: ogiltigt val: {value} (välj bland {choices})",
    "argparse.expected_one": "argument {name}: väntade ett argument",
    "argparse.ambiguous": "tvetydig flagga: {option} kan vara {matches}",
    "argparse.argument": "argument {name}: {message}",
}
