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
    "export.too_many_rows": (
        "{path}: fliken Beräkning skulle få {rows} rader (en per kostnadsrad och budgetår), men en flik i Excel "
        "rymmer högst {limit}; skriv budgeten som CSV i stället, t.ex. -o budget.csv"),
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
    "invalid.stated_approximate": (
        "{value!r}: ett ungefärligt belopp behöver ett tal efter ”ca”: skriv t.ex. ”ca 70 000 kr” eller ”ca 4 %”"),
    "invalid.stated_tolerance": (
        "{value!r}: toleransen efter ± ({tolerance!r}) är inget tal från 0 och uppåt: skriv t.ex. "
        "”ca 1 770 000 kr ± 5 000” eller ”ca 1 770 000 kr ± 5 %”"),
    "invalid.stated_rate": "{value!r} är ingen procentsats: skriv t.ex. ”4 %”, ”ca 4 %” eller ”ca 4 % ± 0,5 %”",
    "budget.unknown_subtotal_line": (
        "delsumman {subtotal!r}: okänd rad {name!r}{hint}; budgetens {count} rader: {known}"),
    "budget.stated_rate_self": "raden {name!r} kan inte ingå i underlaget för sin egen angivna procentsats",
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
    "stated.subtotal_year": (
        "{subtotal}, {year}: ansökan anger {stated}, raderna ger {computed} (skillnad {difference})"),
    "stated.subtotal_total": (
        "{subtotal}, totalt: ansökan anger {stated}, raderna ger {computed} (skillnad {difference})"),
    "stated.rate": "{line}: ansökan anger {rate}, men radens {amount} är {share} av underlaget {base}",
    "stated.rate_no_base": (
        "{line}: ansökan anger {rate}, men underlaget är {base}, så radens {amount} är ingen andel av det"),
    "stated.applied_year": (
        "sökt belopp {year}: ansökan anger {stated}, men finansieringen från {funder} är {computed} (skillnad "
        "{difference})"),
    "format.approximately": "ca {amount} (±{tolerance})",
    "format.points_one": "{points} procentenhet",
    "format.points": "{points} procentenheter",
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
    "formula.year_share": "{n}/12",  # a share of a year: "650 000 kr/år × 9/12"
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
    "excel.message": "Meddelande",
    "excel.no_findings": "Inga anmärkningar",
    "excel.amounts_in": "belopp i kr",
    "excel.specification": "Specifikation",
    "excel.place_line": "rad {line}",
    "excel.place_file_line": "{file}, rad {line}",
    "excel.page": "Sida &P av &N",
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
    "form.year": "År",
    "form.period_column": "Kostnad",
    "form.date": "Datum",
    "form.applies_period": (
        "{applicant} ansöker om projektmedel från {funder} för perioden {period}. Sökta projektmedel omfattar "
        "{amount}{years}."),
    "form.year_sum": "Summa kostnader {label}",
    "form.period_total": "Totala kostnader {period} ({months} mån): {total}",
    "form.applies": (
        "{applicant} ansöker om {amount} från {funder} för projektet ”{project}” under perioden {period}, enligt "
        "ovanstående kostnadskalkyl."),
    "form.in_kind": "Medfinansiering i natura: {items}.",
    "form.amounts_in": "Belopp i kronor.",
    "form.not_stated": "belopp ej angivet",
    "form.in_kind_short": "i natura",
    "form.subtitle": "{funder} · {period}",
    "form.chart_costs": "Figur: kostnader per budgetår och kostnadsslag.",
    "form.chart_financing": "Figur: finansiering per budgetår och finansiär.",
    "form.applicant": "Sökande",
    "form.page_of": "Sida {page} av {pages}",  # the foot of every page: the numbers are Word's fields
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
    "field.project.funder_address": "finansiärens postadress (annars blankettens)",
    "field.project.funder_contacts": "kontaktuppgifter till förbundet (annars blankettens)",
    "field.project.period_long": "perioden utskriven: 1 februari 2017 – 31 januari 2020",
    "field.project.party_names": "parternas namn, kommaseparerade",
    "field.project.parties[].mobile": "kontaktpersonens mobiltelefon",
    "field.project.parties[].signatory": "den som skriver under för parten",
    "field.project.parties[].signatory_position": "undertecknarens befattning",
    "field.project.parties[].signatory_email": "undertecknarens e-post",
    "field.project.leader": "insatsledaren: role, name, phone, mobile, email, party",
    "field.project.contact_person": "kontaktpersonen (om annan än insatsledaren): samma fält",
    "field.project.finance_contact": "ekonomiansvarig för insatsen: samma fält",
    "field.project.signatories[]": "en underskrift per part, insatsägaren först",
    "field.project.signatories[].party": "partens namn",
    "field.project.signatories[].owner": "ja för insatsägaren, annars nej",
    "field.project.signatories[].name": "den som skriver under (namnförtydligande)",
    "field.project.signatories[].position": "undertecknarens befattning",
    "field.project.signatories[].email": "undertecknarens e-post",
    "field.years[].lines[].label": "kostnadsradens namn och specifikation",
    "field.lines[].label": "radens namn, och specifikationen när den säger mer: Resor – Studiebesök",
    "field.lines[].detail": "specifikationen när den säger mer än namnet (annars tomt)",
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
    # --- grantcalc import: why a document cannot be read (grantcalc.importer.read)
    "import.unknown_format": (
        "grantcalc läser inte {suffix}-filer; en ansökan att importera ska vara ett Word-dokument (.docx), en "
        "Excel-arbetsbok (.xlsx), en PDF (.pdf) eller text (.txt, .md): spara den i något av dem och försök igen"),
    "import.too_large": (
        "filen är för stor för att importeras ({size} byte; högst {limit}); en ansökan är sällan större än några "
        "MB: spara den utan bilder, eller bara budgetdelen, och försök igen"),
    "import.empty": "filen är tom; ange ansökan som ska importeras",
    "import.wrong_kind": (
        "filen heter {suffix} men är {what}; byt namn på den så att den slutar på {right} och försök igen"),
    "import.save_as": (
        "filen är {what}, som grantcalc inte läser; öppna den och spara den som {format} (Arkiv › Spara som) och "
        "försök igen"),
    "import.old_format": (
        "filen är {what} i det gamla binära formatet, som grantcalc inte läser; öppna den i Word eller Excel och "
        "spara den som {format} (Arkiv › Spara som) och försök igen"),
    "import.password": (
        "filen är ett lösenordsskyddat (krypterat) Office-dokument; öppna den i Word eller Excel med lösenordet, ta "
        "bort det (Arkiv › Information › Skydda dokument › Kryptera med lösenord), spara och försök igen"),
    "import.image": (
        "filen är en bild, som inte har någon text att läsa; kör OCR på den först, eller importera ansökan som "
        "Word-dokument eller som PDF med text"),
    "import.not_text": (
        "filen är ingen text och inget dokument grantcalc känner igen; spara ansökan som .docx, .xlsx, .pdf eller "
        "text (UTF-8) och försök igen"),
    "import.package_invalid": (
        "filen är inget läsbart Office-dokument ({reason}); öppna den i Word, Excel eller LibreOffice, spara den "
        "igen och försök igen"),
    "import.package_parts": (
        "filen består av {count} delar (högst {limit}): det är inget vanligt Word- eller Excel-dokument; spara den "
        "igen i Word, Excel eller LibreOffice och försök igen"),
    "import.package_unpacked": (
        "filen packas upp till {size} byte (högst {limit}): det är inget vanligt Word- eller Excel-dokument; spara "
        "den igen i Word, Excel eller LibreOffice och försök igen"),
    "import.macros": (
        "filen är ett makroaktiverat Office-dokument (.docm, .xlsm, eller med makron i sig); grantcalc kör inga "
        "makron och läser inte sådana filer: spara den som vanligt Word-dokument (.docx) eller vanlig "
        "Excel-arbetsbok (.xlsx) (Arkiv › Spara som) och försök igen"),
    "import.doctype": (
        "filens del {part} har en dokumenttypdeklaration (<!DOCTYPE …>), som Word och Excel aldrig skriver och som "
        "kan användas för att läsa andra filer; grantcalc läser inte en sådan fil: spara den igen i Word, Excel "
        "eller LibreOffice och försök igen"),
    "import.docx_unreadable": (
        "Word-dokumentet kan inte läsas ({reason}); öppna det i Word eller LibreOffice, spara det igen som .docx och "
        "försök igen"),
    "import.xlsx_unreadable": (
        "Excel-arbetsboken kan inte läsas ({reason}); öppna den i Excel eller LibreOffice, spara den igen som .xlsx "
        "och försök igen"),
    "import.docx_too_large": (
        "Word-dokumentets text är {size} byte (högst {limit}), mer än en ansökan har; spara bara ansökans "
        "budgetdel som ett eget dokument och försök igen"),
    "import.pdf_scanned": (
        "PDF:en har inget textlager; kör OCR först (till exempel med ocrmypdf eller Adobe Acrobats Känn igen text) "
        "och importera den nya PDF:en, eller importera ansökan som Word-dokument"),
    "import.pdf_password": (
        "PDF:en är lösenordsskyddad; öppna den med lösenordet, spara den som en PDF utan lösenord och försök igen"),
    "import.pdf_damaged": (
        "PDF:en är trasig eller avkortad och kan inte läsas ({reason}); hämta eller exportera den igen och försök "
        "igen"),
    "import.pdf_no_pages": "PDF:en har inga sidor; hämta eller exportera den igen och försök igen",
    "import.pdf_unpacked": (
        "PDF:en packas upp till mer än {limit} byte: det är ingen vanlig ansökan; exportera den igen (i Word: Arkiv "
        "› Exportera › PDF) och försök igen"),
    # the {reason} of import.package_invalid, import.xlsx_unreadable and import.pdf_damaged
    "import.invalid.not_zip": "det är ingen zip-fil, vilket ett .docx- eller .xlsx-dokument är",
    "import.invalid.damaged": "zip-filen är trasig eller avkortad: {error}",
    "import.invalid.encrypted": "delen {part} är krypterad, vilket Word och Excel aldrig skriver",
    "import.invalid.method": "delen {part} är packad med metod {method}, vilket Word och Excel aldrig skriver",
    "import.invalid.no_content_types": "[Content_Types].xml saknas",
    "import.invalid.content_types": "[Content_Types].xml är trasig: {error}",
    "import.invalid.no_main": (
        "paketet har ingen huvuddel för ett Word-dokument eller en Excel-arbetsbok (är det en annan sorts fil?)"),
    "import.invalid.unpacks_more": "delen {part} packas upp till mer än zip-filen anger ({size} byte)",
    "import.invalid.unpack": "delen {part} kan inte packas upp: {error}",
    "import.invalid.shorter": "delen {part} är kortare än zip-filen anger",
    "import.xlsx.no_workbook": "arbetsboksdelen {part} saknas",
    "import.xlsx.xml": "delen {part} är ingen läsbar XML: {error}",
    "import.pdf.not_pdf": "filen börjar inte som en PDF",
    # what a file is (the {what} of import.wrong_kind, import.save_as and import.old_format)
    "import.what.docx": "ett Word-dokument (.docx)",
    "import.what.xlsx": "en Excel-arbetsbok (.xlsx)",
    "import.what.pdf": "en PDF",
    "import.what.text": "en textfil",
    "import.what.dotx": "en Word-mall (.dotx)",
    "import.what.xltx": "en Excel-mall (.xltx)",
    "import.what.xlsb": "en binär Excel-arbetsbok (.xlsb)",
    "import.what.pptx": "en PowerPoint-presentation",
    "import.what.odt": "ett OpenDocument-textdokument (.odt, LibreOffice Writer)",
    "import.what.ods": "ett OpenDocument-kalkylblad (.ods, LibreOffice Calc)",
    "import.what.odp": "en OpenDocument-presentation (.odp)",
    "import.what.odf": "ett OpenDocument-dokument (LibreOffice)",
    "import.what.rtf": "ett RTF-dokument (.rtf)",
    "import.what.doc": "ett Word-dokument (Word 97–2003, .doc)",
    "import.what.xls": "en Excel-arbetsbok (Excel 97–2003, .xls)",
    "import.what.ppt": "en PowerPoint-presentation (PowerPoint 97–2003, .ppt)",
    "import.what.ole": "ett Office-dokument",
    # what a reader left out of a document (warnings in Document.notes)
    "import.limit.tables": (
        "dokumentet har fler än {limit} tabeller; bara de första {limit} lästes och läsningen slutade vid {where}"),
    "import.limit.cells": "dokumentets tabeller har fler än {limit} celler; läsningen slutade vid {where}",
    "import.limit.paragraphs": "dokumentet har fler än {limit} stycken och textrader; läsningen slutade vid {where}",
    "import.limit.pages": (
        "PDF:en har fler än {limit} sidor; bara de första {limit} lästes och läsningen slutade vid {where}"),
    "import.cp1252": (
        "texten är inte UTF-8 och lästes som Windows-1252 (västeuropeisk); kontrollera å, ä och ö, eller spara texten "
        "som UTF-8 och importera den igen"),
    "import.pdf_page": "{where} kunde inte läsas ({reason}) och hoppades över",
    "import.pdf_page_lines": (
        "{where} har för många linjer för att dess tabeller ska kunna läsas; sidans text lästes som rader"),
    "import.pdf_page_busy": (
        "{where} har fler än {limit} tecken, linjer och bilder och lästes inte; är den en ritning eller en inskannad "
        "sida?"),
    "import.limit.objects": "PDF:en har fler än {limit} tecken, linjer och bilder; läsningen slutade vid {where}",
    "import.sheet_missing": "{where} saknas i arbetsboken och hoppades över",
    # --- what a file that is not a regular file is (the {kind} of file.not_regular)
    "file.kind.fifo": "en namngiven rörledning (FIFO)",
    "file.kind.device": "en enhet (device)",
    "file.kind.socket": "en socket",
    "file.kind.other": "inte en vanlig fil",
    # --- the command line: what it prints
    "cli.error": "{prog}: fel: {message}",
    "cli.default": " (standard för finansiärer utan egen blankett)",
    "cli.form_for": " – för {funder}",
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
        "en inbyggd mall (se --list-templates) eller en egen .docx-mall (standard: finansiärens egen blankett, annars "
        "samordningsforbund)"),
    "cli.render.no_charts": "utan diagram",
    "cli.render.list_templates": "visa de inbyggda mallarna och avsluta",
    "cli.render.fields": "visa fälten en egen mall kan använda (med värden om BUDGET anges) och avsluta",
    "cli.export.help": "skriv budgeten som Excel-arbetsbok (.xlsx) eller CSV",
    "cli.export.description": (
        "Skriv budgeten som Excel-arbetsbok (.xlsx) med flikarna Kostnader, Finansiering, Beräkning och Granskning, "
        "där varje Totalt och Summa är en formel som räknar om när du ändrar ett belopp; eller som CSV (.csv) med "
        "en rad per kostnadsrad och budgetår. Filändelsen i -o väljer formatet."),
    "cli.export.output": "filen att skriva, .xlsx eller .csv (standard: BUDGET med .xlsx i aktuell mapp)",
    "cli.export.csv_dialect": (
        "CSV-filens form: swedish (standard) för ett svenskt Excel eller LibreOffice, med semikolon, "
        "decimalkomma och UTF-8 med BOM; machine för program, med komma, decimalpunkt och UTF-8"),
    "cli.schema.help": "skriv JSON Schema för budgetfilen",
    "cli.schema.description": "Skriv budgetfilens JSON Schema (för redigerare: komplettering och stavfel).",
    "cli.schema.output": "skriv till FIL i stället för standard ut",
    # --- after the grant: the outcome (utfall), participants, revised budgets (grantcalc followup, diff)
    "invalid.period": (
        "{value!r} är ingen period: skriv ett år (2024), ett kvartal (2024Q3), en månad (2024-09), en dag "
        "(2024-09-30) eller ett brutet år (2024/25)"),
    "participants.gender_share": (
        "andelarna kvinnor ({women}) och män ({men}) är tillsammans {sum}, mer än 100\u00a0%"),
    "participants.places_people": (
        "{year}: {people} deltagare och {places} platser {basis} går inte ihop: platserna rymmer från {places} "
        "deltagare (var och en hela året) till {most} under året; färre lämnar platser tomma"),
    "participants.basis.year": "på årsbasis",
    "participants.basis.half_year": "på halvårsbasis",
    "participants.places_lines": (
        "{year}: deltagarna anger {places} platser, men budgetens platsrader betalar för {paid}"),
    "participants.total_people": (
        "{people} olika deltagare totalt går inte ihop med åren: minst {most} (det största året) och högst {sum} "
        "(alla årens deltagare tillsammans)"),
    "followup.ledger_encoding": (
        "filen är inte sparad som UTF-8 och lästes som {encoding}; kontrollera å, ä och ö i radnamnen, eller spara "
        "filen som UTF-8"),
    "followup.ledger_empty": "filen har inga utfallsrader: skriv en rad per belopp, kostnadsrad;period;belopp",
    "followup.csv_syntax": "CSV-fel: {reason}",
    "followup.csv_columns": (
        "raden har {found} av de {needed} kolumner som behövs: kostnadsrad{separator}period{separator}belopp"),
    "followup.csv_line": "raden saknar kostnadsrad (första kolumnen)",
    "followup.csv_period": (
        "{value!r} är ingen period: skriv ett år (2024), ett kvartal (2024Q3), en månad (2024-09) eller en dag "
        "(2024-09-30)"),
    "followup.csv_amount_swedish": (
        "{value!r} är inget belopp; i en fil med semikolon skrivs decimaler med komma, t.ex. 1 234,50"),
    "followup.csv_amount_machine": (
        "{value!r} är inget belopp; i en fil med komma skrivs decimaler med punkt och utan tusentalsavgränsare, "
        "t.ex. 1234.50"),
    "followup.csv_decimal_comma": (
        "beloppet {value!r} har decimalkomma i en fil som skiljer fälten med komma, så örena blev en egen kolumn: "
        "skriv 1234.50, eller skilj fälten med semikolon"),
    "followup.csv_too_large": "{value!r} är orimligt stort (högst {limit})",
    "followup.csv.line": "rad, kostnadsrad, konto, kostnadsslag, post",
    "followup.csv.period": "period, månad, datum, år, kvartal",
    "followup.csv.amount": "belopp, utfall, summa, kronor",
    "followup.csv.note": "anteckning, text, verifikation, beskrivning, kommentar",
    "followup.unknown_line": (
        "utfall på {name!r}, som varken är en kostnadsrad, ett kostnadsslag eller en finansiär i budgeten{hint}; "
        "beloppet räknas inte"),
    "followup.unknown_funder": (
        "utbetalning från {name!r}, som inte är en finansiär i budgeten{hint}; beloppet räknas inte; finansiärerna: "
        "{known}"),
    "followup.outside_period": (
        "utfall för {period} ligger utanför projektperioden {start} – {end}; beloppet räknas inte"),
    "followup.period_spans_years": (
        "perioden {period} går över flera budgetår ({years}): ange ett kvartal, en månad eller en dag; beloppet "
        "räknas inte"),
    "followup.after_as_of": "utfall för {period} ({amount}) ligger efter uppföljningsdagen {as_of} och räknas inte",
    "followup.credit": "{name}, {period}: {amount} är en kreditering (negativt utfall) och dras av",
    "followup.no_actuals": (
        "inget utfall att följa upp: lägg till actuals: i budgetfilen eller ange en huvudbok med --actuals FIL"),
    "followup.line_over": "{line}, {year}: utfallet {actual} är över budgeten {budget} (med {excess})",
    "followup.category_over": (
        "{category}, {year}: utfallet {actual} för kostnadsslaget är över budgeten {budget} (med {excess})"),
    "followup.year_over_ceiling": (
        "{year}: årets utfall {actual} är över det beviljade {budget} (med {excess}); beviljade medel är ett "
        "maxbelopp, och ersättning ges för faktiska kostnader inom det"),
    "followup.total_over": "totalt: utfallet {actual} är över hela den beviljade budgeten {budget} (med {excess})",
    "followup.faster_than_time": (
        "till och med {as_of} har {time} av tiden gått men {used} av pengarna använts ({actual} av {budget}); i den "
        "takten kostar projektet {forecast}, {excess} över budgeten"),
    "followup.financing_received": (
        "{funder} har betalat ut {received} till och med {as_of}, {share} av sin budget {budget}"),
    "followup.financing_over": (
        "{year}: {funder} har betalat ut {received}, mer än finansieringsbudgetens {budget} för året (med {excess})"),
    "followup.received_over_costs": (
        "utbetalt {received} till och med {as_of}, men utfallet är {actual}: {excess} är inte använt och kan behöva "
        "betalas tillbaka"),
    "followup.participants_below": "{year}: {people} deltagare nåddes av {planned} planerade",
    "followup.as_of": "--as-of {value!r} är inget datum: skriv åååå-mm-dd, t.ex. 2025-06-30",
    "followup.word.amounts_in": "belopp i kr",
    "followup.word.source_python": "utfall angivet i Python",
    "followup.word.as_of_line": "Uppföljning till och med {as_of} · utfall: {source}",
    "followup.word.line": "Kostnadsrad",
    "followup.word.category": "Kostnadsslag",
    "followup.word.year": "Budgetår",
    "followup.word.budget": "Budget",
    "followup.word.actual": "Utfall",
    "followup.word.difference": "Avvikelse",
    "followup.word.used": "Förbrukat",
    "followup.word.sum": "Summa",
    "followup.word.total": "Totalt",
    "followup.word.per_year": "Per budgetår",
    "followup.word.time_money": (
        "Tid och pengar till och med {as_of}: {elapsed} av {months} månader har gått ({time}); {actual} av {budget} "
        "är förbrukat ({used})."),
    "followup.word.to_date": "Budgeten till och med {as_of} är {budget}; utfallet avviker från den med {difference}.",
    "followup.word.at_rate": "Prognos i nuvarande takt till periodens slut: {forecast} ({difference} mot budgeten).",
    "followup.word.funder": "Finansiär",
    "followup.word.received": "Utbetalt",
    "followup.word.financing_received": "Finansiering: utbetalt mot budget",
    "followup.word.participants": "Deltagare och kostnad per deltagare",
    "followup.word.people": "Deltagare",
    "followup.word.places": "Platser",
    "followup.word.per_participant": "Kr/deltagare",
    "followup.word.per_place": "Kr/plats",
    "followup.word.people_reached": "Nådda",
    "followup.word.actual_per_participant": "Utfall/deltagare",
    "followup.word.no_findings": "Inga anmärkningar.",
    "followup.word.whole_category": "hela kostnadsslaget",
    "followup.word.chart_years": "Budget och utfall per budgetår",
    "followup.word.chart_cumulative": "Ackumulerat, utfall till och med {as_of}",
    "followup.word.diff_line": "{old} → {new} · belopp i kr · regler: {profile}",
    "followup.word.old": "före",
    "followup.word.new": "efter",
    "followup.word.no_profile": "inga",
    "followup.word.changes": "Ändringar",
    "followup.word.field": "Fält",
    "followup.word.before": "Före",
    "followup.word.after": "Efter",
    "followup.word.no_changes": "Inga ändringar.",
    "followup.word.line_added": "(ny rad)",
    "followup.word.line_removed": "(raden borttagen)",
    "followup.word.funder_added": "(ny finansiär)",
    "followup.word.funder_removed": "(finansiären borttagen)",
    "followup.word.renamed": "(nytt namn)",
    "followup.word.effect": "Effekt per kostnadsrad och budgetår (efter − före)",
    "followup.word.per_category": "Per kostnadsslag (efter − före)",
    "followup.word.totals": "Summa per budgetår",
    "followup.word.financing_change": "Finansieringens ändring (efter − före)",
    "followup.word.no_rules": "Inga anmärkningar; revisionen har inte prövats mot någon finansiärs regler.",
    "followup.word.change": "Skillnad",
    "followup.word.rules_kept": "Revisionen håller reglerna för {profile}.",
    "diff.period_changed": "perioden har ändrats, {old} → {new}: budgetåren jämförs år för år",
    "diff.total_grows": (
        "totalen växer från {old} till {new} (med {excess}); enligt reglerna för {profile} får den beviljade "
        "totalen inte överskridas"),
    "diff.between_years": (
        "{year}: {old} → {new} ({difference}); enligt reglerna för {profile} får pengar bara flyttas inom ett "
        "budgetår"),
    "diff.moved_earlier": (
        "{to} ökar med {increase} medan det senare {source} minskar med {decrease}: pengar flyttas till ett "
        "tidigare år, vilket reglerna för {profile} inte tillåter"),
    "diff.line_moved_earlier": (
        "{line}: {to} ökar med {increase} medan det senare {source} minskar med {decrease}: pengar flyttas till ett "
        "tidigare år, vilket reglerna för {profile} inte tillåter"),
    "diff.unbalanced": (
        "den reviderade budgetens kostnader {costs} och finansiering {financing} balanserar inte (finansiering "
        "\u2212 kostnader = {difference}): revidera finansieringen också, och kör grantcalc check"),
    "diff.category_moved": (
        "{category}: {old} → {new} ({difference}, {share} av kostnadsslaget); reglerna för {profile} tillåter "
        "högst {limit}"),
    "diff.unknown_profile": "okänd regelprofil {name!r}{hint}; kända: {known}",
    "diff.bad_revision": "revisionen {rev!r} finns inte i git-förrådet",
    "diff.git_missing": "--rev {rev} behöver git, men git är inte installerat",
    "diff.not_git": (
        "filen ligger inte i ett git-förråd, så --rev {rev} går inte; jämför två filer: grantcalc diff GAMMAL NY"),
    "diff.git_timeout": "git show {rev} svarade inte inom {seconds} sekunder",
    "diff.git_failed": "git show {rev} misslyckades: {reason}",
    "diff.not_in_revision": "filen finns inte i revisionen {rev}",
    "diff.rev_and_two": (
        "ange antingen två filer (grantcalc diff GAMMAL NY) eller en fil och --rev (grantcalc diff budget.yaml "
        "--rev HEAD~1), inte båda"),
    "diff.needs_two": "ange två budgetfiler att jämföra, eller en fil och --rev: grantcalc diff GAMMAL NY",
    "diff.rev_stdin": "--rev jämför en fil med dess version i git; standard in går inte",
    "cli.metavar.date": "DATUM",
    "cli.metavar.old": "GAMMAL",
    "cli.metavar.new": "NY",
    "cli.metavar.rev": "REV",
    "cli.metavar.profile": "PROFIL",
    "cli.followup.help": "följ upp utfallet mot budgeten",
    "cli.followup.description": (
        "Jämför utfallet (actuals: i budgetfilen, eller en huvudbok som CSV) med budgeten rad för rad och år för "
        "år: avvikelse, förbrukad andel, tid mot pengar, prognos, utbetald finansiering och kostnad per deltagare. "
        "Slutstatus 0: inga fel; 1: fel (ett år över det beviljade, utfall på en okänd rad eller utanför perioden; "
        "med --strict även varningar); 2: en fil kan inte läsas eller är ogiltig."),
    "cli.followup.actuals": "utfallet som CSV (kostnadsrad;period;belopp), i stället för budgetfilens actuals:",
    "cli.followup.as_of": "uppföljningsdag åååå-mm-dd (standard: sista dagen i den senaste perioden med utfall)",
    "cli.diff.help": "jämför två versioner av en budget (en reviderad mot den beviljade)",
    "cli.diff.description": (
        "Visa vad som ändrats mellan två versioner av en budget – rader som lagts till, tagits bort eller bytt namn, "
        "parametrar före och efter – och effekten per rad, år, kostnadsslag och finansiär, prövad mot finansiärens "
        "regler för omdisponering. Slutstatus 0: reglerna hålls; 1: en regel bryts; 2: en fil kan inte läsas."),
    "cli.diff.old": "den beviljade budgeten (med --rev: filen att jämföra med sin version i git)",
    "cli.diff.new": "den reviderade budgeten",
    "cli.diff.rev": "jämför filen med dess version i git-revisionen REV, t.ex. HEAD~1",
    "cli.diff.format": "text (standard) eller json",
    "cli.diff.profile": (
        "finansiärens regler: samordningsforbund, arvsfonden eller none (standard: efter den beviljade budgetens "
        "finansiär)"),
    "cli.diff.rules": "egna regelprofiler i en YAML-fil (samma form som den inbyggda rules.yaml)",
    # --- rates (grantcalc.rates): the shipped rates, their words and sources, and what check finds
    "rates.note": "({title} {year}: {rate}, {source})",
    "rates.note.plus": "{rate} + {plus}",
    "rates.title.arbetsgivaravgift": "arbetsgivaravgift",
    "rates.title.arbetsgivaravgift-aldre": "arbetsgivaravgift för äldre",
    "rates.title.arbetsgivaravgift-unga": "arbetsgivaravgift för unga",
    "rates.title.po-palagg-kommun": "PO-pålägg, kommuner",
    "rates.title.po-palagg-region": "PO-pålägg, regioner",
    "rates.title.eu-timmar": "timmar per år för timpriset (EU)",
    "rates.title.eu-schablon-indirekta": "schablon för indirekta kostnader (EU)",
    "rates.title.eu-schablon-ovriga": "schablon för övriga kostnader (EU)",
    "rates.title.tillvaxtverket-upprakning": "Tillväxtverkets årliga uppräkning av enhetskostnaden",
    "rates.title.avtalsvarde-industrin": "avtalsvärde, industrins avtal (märket)",
    "rates.title.finsam-staten": "Finsam: statens andel",
    "rates.title.finsam-region": "Finsam: regionens andel",
    "rates.title.finsam-kommuner": "Finsam: kommunernas andel",
    "rates.title.lonekostnadspalagg-staten": "statens lönekostnadspålägg (LKP)",
    "rates.condition.arbetsgivaravgift": "full avgift: födda 1959 och senare",
    "rates.condition.arbetsgivaravgift-aldre": "födda 1938–1958: bara ålderspensionsavgiften",
    "rates.condition.arbetsgivaravgift-unga": (
        "den som vid årets ingång fyllt 18 men inte 23 år, på ersättning upp till 25 000 kr per kalendermånad"),
    "rates.condition.po-palagg-kommun": (
        "lagstadgade avgifter, avtalsförsäkringar och avtalspensioner: SKR:s genomsnitt för kommuner"),
    "rates.condition.po-palagg-region": (
        "lagstadgade avgifter, avtalsförsäkringar och avtalspensioner: SKR:s genomsnitt för regioner"),
    "rates.condition.eu-timmar": "timpris = årlig bruttopersonalkostnad / 1 720 timmar (heltid)",
    "rates.condition.eu-schablon-indirekta": "av de direkta personalkostnaderna, för de indirekta kostnaderna",
    "rates.condition.eu-schablon-ovriga": "av de direkta personalkostnaderna, för alla andra kostnader",
    "rates.condition.tillvaxtverket-upprakning": "enhetskostnaden per timme räknas upp var tolfte månad",
    "rates.condition.avtalsvarde-industrin": "avtalens värde per år, som resten av arbetsmarknaden följer",
    "rates.condition.finsam-staten": "av samordningsförbundets medel, genom Försäkringskassan",
    "rates.condition.finsam-region": "av samordningsförbundets medel",
    "rates.condition.finsam-kommuner": "av samordningsförbundets medel, delat mellan kommunerna",
    "rates.heading": "Satser med källa: värde, giltighet, källa och när värdet senast kontrollerades i källan",
    "rates.heading_year": "Satser för {year}: värde, giltighet, källa och när värdet senast kontrollerades i källan",
    "rates.span": "{start} – {end}",
    "rates.verified": "kontrollerad {day}",
    "rates.given": "uppgiven av {given}; inte kontrollerad i källan",
    "rates.none_yet": "inget värde för {year} (det första gäller från {first})",
    "rates.beyond": "inget värde känt för {year} (senast för {last}); en budget tar det senaste:",
    "rates.seen": "även läst: {text}",
    "rates.own_file": "ur {path}",
    "rates.missing_heading": "Finns inte med (ingen källa hittades) – ange dem i budgeten:",
    "rates.where": "se {where}",
    "rates.unknown": "okänd sats {name!r}{hint}; påslag som finns: {known}",
    "rates.no_such": "ingen sats heter {name!r}{hint}; de som finns: {known}",
    "rates.not_on_cost": (
        "satsen {name!r} är av slaget {kind} och kan inte vara ett påslag på lönen: använd en arbetsgivaravgift "
        "eller ett PO-pålägg (grantcalc rates)"),
    "rates.before_first": "satsen {name!r} har inget värde för {year}: det första gäller från {first}",
    "rates.file_missing": "satsfilen {path} finns inte (project.rates läses från budgetfilens mapp)",
    "rates.kind_changed": "satsen {name!r} är av slaget {shipped} bland grantcalcs satser, inte {kind}",
    "rates.unbound": (
        "satsen {name!r} ska läsas i budgetens egen satsfil (project.rates), som ännu inte har lästs: läs "
        "budgeten med grantcalc.load eller anropa budget.located(None)"),
    "rates.not_mapping": "en satsfil ska bestå av nycklarna rates: och missing:",
    "rates.beyond_verified": (
        "{line}, {year}: {title} har inget känt värde för {asked} (senast för {last}); det senaste, {value} "
        "från {start}, används. Ange värdet för året i en egen satsfil (project.rates) eller ett år med "
        "känt värde (year:)"),
    "rates.on_cost_differs": (
        "{line}, {year}: påslaget {factor} ligger mer än {points} procentenheter från årets PO-pålägg – "
        "{compared}. Jämfört med satser av samma slag (hela påslag: avgifter, försäkringar och pension), inte "
        "med arbetsgivaravgiften ensam"),
    "invalid.rates_range": "to ({end}) ligger före from ({start})",
    "invalid.rates_unsourced": "ange verified (dagen värdet lästes i källan) eller given (vem som uppgav det)",
    "invalid.rates_overlap": "värdena överlappar: det som gäller från {start} börjar innan det förra slutar",
    # --- funder profiles (grantcalc.profiles) and their rules in check
    "profile.name.esf-plus": "ESF+ (Svenska ESF-rådet)",
    "profile.name.arvsfonden": "Allmänna arvsfonden",
    "profile.name.samordningsforbund": "samordningsförbund (Finsam)",
    "profile.name.amif": "AMIF (Migrationsverket)",
    "profile.source.call": "utlysningens längsta tid, project.call.max_months",
    "profile.source.esf-plus.max_months": (
        "ESF+-utlysningarnas vanliga längsta projekttid, inte kontrollerad i en källa: se utlysningen, som kan "
        "ange en annan i project.call.max_months"),
    "profile.source.arvsfonden.max_years": (
        "Kammarkollegiet: ett projekt kan få stöd från Arvsfonden under högst tre år"),
    "profile.max_months": "{profile}: projektet är {months} månader; högst {max} får det vara ({source})",
    "profile.not_hourly": (
        "{profile}: {line} ska budgeteras som timmar × timpris ur månadslönen (månadslön × 12 / 1 720): ange "
        "hours i stället för fte"),
    "profile.hourly_rate": (
        "{profile}: {line} anger ett timpris; timpriset ska räknas fram ur månadslönen (månadslön × 12 / 1 720)"),
    "profile.hours_per_year": "{line}: timpriset ska räknas på {hours} timmar per år ({source}), inte {value}",
    "profile.flat_rate": "{profile}: {line} är {rate}, ingen av schablonerna {allowed}",
    "profile.flat_rate_base": (
        "{profile}: schablonen {line} ska räknas på personalkostnaderna: of: {{categories: [Lönekostnader]}}"),
    "profile.flat_rate_other_costs": (
        "{line}: med schablonen {flat} ({rate} av personalkostnaderna, {source}) täcks alla andra kostnader än "
        "personalen: ta bort raden"),
    "profile.flat_rates_combined": (
        "{line}: schablonen {flat} ({rate}) täcker också de indirekta kostnaderna: ta bort raden"),
    "profile.co_financing_missing": (
        "{profile}: ange utlysningens medfinansiering i project.call.co_financing, t.ex. \"46 %\" (den får varken "
        "överstigas eller understigas)"),
    "profile.co_financing": (
        "{profile}: medfinansieringen är {actual} av kostnaderna ({others} av {costs}); utlysningen kräver "
        "{required} ({expected}), som varken får överstigas eller understigas"),
    "profile.project_years": "{profile} budgeteras per projektår: ange period.budget_years: project",
    "profile.max_years": "{profile}: projektet har {years} projektår; stöd ges i högst {max} år ({source})",
    "profile.ceiling": "{profile}: sökt belopp {amount} är {excess} mer än det beviljade {cap}",
    "profile.ceiling_year": "{profile}: {year} söks {amount}, {excess} mer än det beviljade per år {cap}",
    # --- the portfolio (grantcalc portfolio)
    "portfolio.title": "Portfölj: {count} insatser · per kalenderår · belopp i kr",
    "portfolio.html_title": "Portfölj",
    "portfolio.applied_heading": "Sökt belopp",
    "portfolio.cost_heading": "Kostnad",
    "portfolio.cofinancing_heading": "Medfinansiering (finansiering utöver det sökta)",
    "portfolio.participants_heading": "Deltagare (planerade)",
    "portfolio.insats": "Insats",
    "portfolio.total": "Totalt",
    "portfolio.sum": "Summa",
    "portfolio.frame": "Ram",
    "portfolio.left": "Kvar",
    "portfolio.members_heading": "Medlemmarnas bidrag ({basis})",
    "portfolio.basis.frame": "av ramen",
    "portfolio.basis.applied": "av summan sökt",
    "portfolio.member": "Medlem",
    "portfolio.group": "Part",
    "portfolio.share": "Andel",
    "portfolio.group.state": "staten",
    "portfolio.group.region": "regionen",
    "portfolio.group.kommun": "kommun",
    "portfolio.findings_heading": "Iakttagelser per insats",
    "portfolio.findings_line": "{name} ({file}): fel {errors}, varningar {warnings}, info {infos}",
    "portfolio.unreadable": "{file}: kan inte läsas (se meddelandena ovan)",
    "portfolio.sheet.portfolio": "Portfölj",
    "portfolio.sheet.members": "Medlemmar",
    "portfolio.sheet.findings": "Iakttagelser",
    "portfolio.excel_money": "#,##0",
    "portfolio.scheme.project": "projektår",
    "portfolio.scheme.fiscal": "räkenskapsår",
    "portfolio.scheme.calendar": "kalenderår",
    "portfolio.year_moved": (
        "{name} budgeteras per {scheme}: varje budgetårs belopp räknas till det kalenderår budgetåret börjar i"),
    "portfolio.over_frame": "{year}: insatserna söker {amount}, mer än ramen {cap} ({difference})",
    "portfolio.frame_value": "--frame {value!r}: skriv ÅR=BELOPP, t.ex. 2025=4000000",
    "portfolio.members_shares": "medlemmarnas andelar är {sum} tillsammans, inte 100 %",
    "invalid.members_key": "{name}: saknar {key} (ett tal större än 0)",
    "portfolio.needs_output": "xlsx skrivs till en fil: ange -o, t.ex. -o portfolj.xlsx",
    # --- the command line: rates and portfolio
    "cli.metavar.name": "NAMN",
    "cli.metavar.year": "ÅR",
    "cli.metavar.frame": "ÅR=BELOPP",
    "cli.rates.help": "visa satserna (arbetsgivaravgifter, PO-pålägg, EU:s schabloner …) med källa och datum",
    "cli.rates.description": (
        "Visa satserna grantcalc har med: varje värde med dagarna det gäller, källan och dagen det senast "
        "kontrollerades i källan, och de satser som inte finns med (ingen källa hittades) och var de finns. En "
        "budget använder en sats så här: on_cost: {{rate: arbetsgivaravgift, year: 2026}}."),
    "cli.rates.name": "bara satsen NAMN (med var mer talet lästes)",
    "cli.rates.year": "bara värdena som gäller år ÅR",
    "cli.rates.file": "en egen satsfil (YAML) lagd över grantcalcs, som project.rates i en budget",
    "cli.rates.format": "text (standard) eller json",
    "cli.portfolio.help": "ett samordningsförbunds insatser per år mot förbundets ram",
    "cli.portfolio.description": (
        "Visa insatserna tillsammans per kalenderår: sökt belopp, kostnad, medfinansiering och deltagare, summan "
        "mot förbundets ram och vad som är kvar, medlemmarnas bidrag (staten 50 %, regionen 25 %, kommunerna 25 % "
        "fördelat efter medlemsfilens nyckel) och varje insats iakttagelser. Slutstatus 0: inget fel; 1: en "
        "insats har ett fel eller ett år är över ramen (med --strict även varningar); 2: en fil kan inte läsas."),
    "cli.portfolio.frame": "förbundets ram per år: ÅR=BELOPP, t.ex. --frame 2025=4000000 2026=4100000",
    "cli.portfolio.members": "medlemmarna (YAML): staten, regionen och kommunerna med fördelningsnyckel",
    "cli.portfolio.format": "text (standard), json, html eller xlsx (xlsx kräver -o)",
    "cli.portfolio.output": "skriv till FIL i stället för till skärmen",
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
    # import: what an imported application was recognised as (grantcalc.importer)
    "import.place.sheet": "blad {value}",
    "import.place.page": "sida {value}",
    "import.place.table": "tabell {value}",
    "import.place.row": "rad {value}",
    "import.place.line": "rad {value}",
    "import.place.cell": "cell {value}",
    "import.place.paragraph": "stycke {value}",
    "import.too_many_rows": "dokumentet har fler än {n} rader och tabellrader; resten lästes inte",
    "import.name_from_first_line": ("projektets namn står inte under en rubrik som ”Insatsens namn”; dokumentets första"
                                    " rad tas som namn"),
    "import.cell_unread": "cellen ”{text}” är inget belopp och lästes inte",
    "import.row_ambiguous": ("raden ”{text}” går inte att dela i belopp per år entydigt och lästes inte; skriv in den "
                             "för hand"),
    "import.line_unread": "raden ”{text}” har inget belopp och lästes inte",
    "import.line_twice": "{line} står två gånger för {year}; den senare raden gäller",
    "import.period_from_years": ("perioden står inte i dokumentet; budgetåren ger {start} – {end}: rätta period om den "
                                 "är en annan"),
    "import.period_missing": "perioden står inte i dokumentet; {start} – {end} är satt i stället: ange rätt period",
    "import.period": "perioden {start} – {end}",
    "import.project_years": "budgetåren är projektår (År 1, År 2 …): budget_years: project",
    "import.proration": "formlernas månader i delår ges av proration: {rule}",
    "import.months": "{year} räknar dokumentet med {months} månader, inte periodens: period.months anger dem",
    "import.rounding_down": "formlerna med ören i produkten ({n} st.) stryker örena: rounding: mode down",
    "import.rounding_up": "formlerna med ören i produkten ({n} st.) avrundar uppåt: rounding: mode up",
    "import.category_guessed": "dokumentet anger inga kostnadsslag; de är valda efter radernas namn: {lines}",
    "import.line_in_kind": "{line}: betalas i natura av {party}",
    "import.line_no_amounts": "{line}: inga belopp står för raden",
    "import.line_factors": "{line}: {how}",
    "import.explicit_formula": ("{line}: formlerna ger inte de belopp som står; beloppen tas som de står och formlerna "
                                "granskas av check"),
    "import.explicit_amounts": ("{line}: beloppen följer ingen lön, månadskostnad eller engångskostnad som ger dem "
                                "alla; de tas som de står"),
    "import.how.salary": "lön {monthly_salary} kr/mån × {on_cost} × {fte}",
    "import.how.recurring": "{amount} per {per}",
    "import.how.per_unit": "{unit_cost} kr × {count} {unit} per {per}",
    "import.how.one_off": "engångskostnad {amount} år {year}",
    "import.how.places": "{places} platser à {price} kr per {per_places} platser och år",
    "import.per.month": "månad",
    "import.per.year": "år",
    "import.how.by_year": "; egna värden för {years}",
    "import.financing": "finansieringsbudgeten har {n} finansiärer",
    "import.financing_none": "dokumentet har ingen finansieringsbudget: finansiären står för kostnaderna",
    "import.plan_line": "aktiviteten {activity} betalas från kostnadsraden {line}",
    "import.name_missing": "projektets namn hittades inte; ”Ansökan” är satt: ange namnet",
    "import.no_budget": ("ingen kostnadsbudget hittades: inga rader med belopp under år (År 2024, 2025 …) eller med "
                         "formler; kontrollera att dokumentet har budgeten som tabell eller text"),
    "import.report.summary": ("Importerat från {source} ({kind}): {lines} kostnadsrader, {factors} med faktorer och "
                              "{explicit} med belopp som de står; {figures} angivna belopp att granska."),
    "import.kind.docx": "Word",
    "import.kind.xlsx": "Excel",
    "import.kind.pdf": "PDF",
    "import.kind.text": "text",
    "cli.import.help": "importera en ansökan (Word, Excel, PDF eller text) till en budgetfil",
    "cli.import.description": ("Läser en ansökan som .docx, .xlsx, .pdf eller text (- för standard in) och skriver en"
                               " budgetfil med dokumentets alla belopp som angivna belopp, så att grantcalc check "
                               "granskar dokumentet mot dess egna faktorer. Rapporten säger vad som kändes igen som "
                               "vad och vad som inte kunde läsas."),
    "cli.import.source": "ansökan att importera: .docx, .xlsx, .pdf, .txt/.md eller - för standard in",
    "cli.import.output": "budgetfilen att skriva (standard: ansökans namn med .yaml; - skriver till standard ut)",
    "cli.import.written": "Skrev {path}. Granska den och kör: grantcalc check {path}",
    "import.stated_rate": ("{line}: dokumentet anger andelen {rate} för ett fast belopp; check prövar den mot övriga "
                           "kostnader"),
    "import.unit": "beloppen står i {unit}: varje belopp i tabellerna är {factor} kr per enhet och skrivs i kronor",
    "import.explicit_formula.short": "beloppen som de står: formlerna ger dem inte (check granskar formlerna)",
    "import.explicit_amounts.short": "beloppen som de står",
    "import.fit_bound": "efter {n} beräknade rader tas resten av raderna, från {line}, med beloppen som de står",
    "import.too_many_lines": "dokumentet har fler än {n} kostnadsrader; resten, från denna, lästes inte",
    "import.and_more": " och {n} till",
    "import.output_is_source": "budgetfilen skulle skriva över ansökan den läses från; ange en annan fil med -o",
    "import.yaml.header": ("Budgetfil importerad från {source} med grantcalc import.\nGranska den mot importrapporten "
                           "och dokumentet; kör sedan grantcalc check."),
}
