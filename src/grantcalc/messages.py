"""The message catalog: every text a user reads about a problem, in sv and en.

Codes are stable (they appear in machine-readable output); texts may improve.
Templates use ``str.format`` with the problem's parameters; numbers in
parameters are formatted for the language before substitution.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = ["render", "severity_word", "CATALOG", "Bilingual"]


class Bilingual:
    """A message parameter that reads differently in Swedish and English (a figure formatted
    by each language's rules), made only when a message is rendered in that language: a
    Swedish report never loads English locale data."""

    __slots__ = ("_make",)

    def __init__(self, make):
        self._make = make  # lang -> str

    def text(self, lang: str) -> str:
        return self._make(lang)

    def _both(self) -> tuple[str, str]:
        return self._make("sv"), self._make("en")

    # read like the (Swedish, English) pair such parameters were: value[0], tuple(value), ==
    def __getitem__(self, index: int) -> str:
        return self._both()[index]

    def __iter__(self):
        return iter(self._both())

    def __len__(self) -> int:
        return 2

    def __eq__(self, other: object) -> bool:
        if isinstance(other, tuple):
            return self._both() == other
        return isinstance(other, Bilingual) and self._both() == other._both()

    def __hash__(self) -> int:
        return hash(self._both())

    def __repr__(self) -> str:
        return f"Bilingual{self._both()!r}"

# code: (Swedish, English)
CATALOG: dict[str, tuple[str, str]] = {
    # --- reading files
    "file.missing": ("filen finns inte", "file not found"),
    "file.unreadable": ("filen kan inte läsas: {reason}", "cannot read the file: {reason}"),
    "file.is_directory": ("är en mapp, inte en fil", "is a directory, not a file"),
    "file.not_regular": ("är {kind}, inte en vanlig fil: ange en fil", "is {kind}, not a regular file: name a file"),
    "file.empty": ("filen är tom: skriv en budget (se exemplen i examples/)",
                   "the file is empty: write a budget (see examples/)"),
    "file.encoding": ("filen är inte sparad som UTF-8 (ett tecken på raden går inte att läsa); spara den som UTF-8",
                      "the file is not saved as UTF-8 (a character on the line cannot be read); save it as UTF-8"),
    "file.format": ("okänt filformat {suffix!r}: använd .yaml, .yml, .toml eller .json",
                    "unknown file format {suffix!r}: use .yaml, .yml, .toml or .json"),
    "file.too_large": ("filen är för stor ({size} byte; högst {limit})",
                       "the file is too large ({size} bytes; at most {limit})"),
    "file.too_many_values": ("filen blir för stor när dess alias (*namn) har ersatts: mer än {limit} värden",
                             "the file grows too large once its aliases (*name) are expanded: more than {limit} values"),
    # --- why a file could not be read or written (an OSError's errno), the {reason} of file.unreadable
    "oserror.EACCES": ("behörighet saknas (du får inte läsa eller skriva här)",
                       "permission denied (you may not read or write here)"),
    "oserror.EPERM": ("åtgärden är inte tillåten", "operation not permitted"),
    "oserror.ENAMETOOLONG": ("filnamnet är för långt", "the file name is too long"),
    "oserror.ENOTDIR": ("en del av sökvägen är inte en mapp", "a part of the path is not a folder"),
    "oserror.ELOOP": ("sökvägen har för många symboliska länkar (en länk som pekar på sig själv?)",
                      "the path has too many symbolic links (a link that points to itself?)"),
    "oserror.EISDIR": ("är en mapp, inte en fil", "is a folder, not a file"),
    "oserror.ENOSPC": ("disken är full", "the disk is full"),
    "oserror.EDQUOT": ("diskkvoten är slut", "the disk quota is used up"),
    "oserror.EROFS": ("filsystemet är skrivskyddat", "the file system is read-only"),
    "oserror.ENOENT": ("finns inte", "does not exist"),
    "oserror.EEXIST": ("finns redan", "exists already"),
    "oserror.EIO": ("läs- eller skrivfel på disken", "input/output error on the disk"),
    "oserror.EBADF": ("strömmen är stängd", "the stream is closed"),
    "oserror.ENXIO": ("ingen enhet eller läsare i andra änden", "no device or reader at the other end"),
    "oserror.ETXTBSY": ("filen används av ett annat program", "the file is in use by another program"),
    "oserror.EMFILE": ("för många öppna filer", "too many open files"),
    "oserror.EINVAL": ("ogiltigt filnamn", "invalid file name"),
    "syntax.yaml": ("YAML-fel: {reason}", "YAML syntax error: {reason}"),
    "syntax.json": ("JSON-fel: {reason}", "JSON syntax error: {reason}"),
    "syntax.toml": ("TOML-fel: {reason}", "TOML syntax error: {reason}"),
    "syntax.character": ("filen innehåller tecknet {character}, som inte får förekomma i en budgetfil (ett styrtecken "
                         "eller ett trasigt tecken); ta bort det, eller spara filen som UTF-8-text",
                         "the file holds the character {character}, which a budget file may not contain (a control "
                         "character or a broken one); remove it, or save the file as UTF-8 text"),
    "syntax.complex_key": ("en nyckel är en lista eller en tabell (ett ”?” först på raden?); en nyckel i en budget "
                           "är ett namn följt av kolon, t.ex. name: Resor",
                           "a key is a list or a mapping (a \"?\" at the start of the line?); a key in a budget is a "
                           "name followed by a colon, e.g. name: Resor"),
    "syntax.duplicate_key": ("nyckeln {key!r} förekommer två gånger", "the key {key!r} occurs twice"),
    "syntax.tag": ("YAML-taggen {tag} är inte tillåten i en budget", "the YAML tag {tag} is not allowed in a budget"),
    "syntax.not_mapping": ("en budget ska bestå av nycklar med värden och börja med project:, period: och lines:",
                           "a budget must be a mapping with the keys project, period and lines"),
    "syntax.key_type": ("nyckeln {key!r} ska vara text", "the key {key!r} must be text"),
    "syntax.too_deep": ("listor och nycklar är nästlade i fler än {limit} nivåer härifrån, för djupt för en budget",
                        "lists and keys are nested more than {limit} levels deep from here, too deep for a budget"),
    "output.exists": ("{path} finns redan: välj ett annat namn eller lägg till --force för att skriva över",
                      "{path} exists already: choose another name or add --force to overwrite it"),
    "output.no_folder": ("mappen {folder} finns inte", "the folder {folder} does not exist"),
    "output.suffix": ("{path}: ett Word-dokument ska sluta på .docx, t.ex. ansokan.docx",
                      "{path}: a Word document must end in .docx, e.g. application.docx"),
    "output.needs_name": ("ange utfilen med -o, t.ex. -o ansokan.docx", "name the output file with -o, e.g. -o application.docx"),
    "output.unwritable": ("{path} kan inte skrivas: {reason}", "cannot write {path}: {reason}"),
    "internal.error": ("internt fel ({error}). Det är en bugg i grantcalc; kör med GRANTCALC_DEBUG=1 för detaljer "
                       "och rapportera den", "internal error ({error}). This is a bug in grantcalc; run with "
                       "GRANTCALC_DEBUG=1 for details and report it"),
    "output.empty_name": ("utfilens namn är tomt: ange ett filnamn, t.ex. -o ansokan.docx",
                          "the output file's name is empty: give a file name, e.g. -o application.docx"),
    "output.not_a_file_name": ("{path} slutar på / och är inget filnamn: ange filen, t.ex. {path}ansokan.docx",
                               "{path} ends in / and is not a file name: name the file, e.g. {path}application.docx"),
    "output.interrupted": ("avbröts (signal {signal}) innan filen var skriven; ingen fil ändrades",
                           "interrupted (signal {signal}) before the file was written; no file was changed"),
    # --- exporting Excel workbooks and CSV
    "export.format": ("{path}: filändelsen väljer formatet, .xlsx (Excel-arbetsbok) eller .csv, t.ex. -o budget.xlsx",
                      "{path}: the suffix chooses the format, .xlsx (Excel workbook) or .csv, e.g. -o budget.xlsx"),
    "export.excel_suffix": ("{path}: en Excel-arbetsbok ska sluta på .xlsx, t.ex. budget.xlsx",
                            "{path}: an Excel workbook must end in .xlsx, e.g. budget.xlsx"),
    "export.needs_name": ("ange utfilen med -o, t.ex. -o budget.xlsx eller -o budget.csv",
                          "name the output file with -o, e.g. -o budget.xlsx or -o budget.csv"),
    # --- rendering Word documents
    "render.template_unknown": ("okänd mall {name!r}: välj bland {names} eller ange en egen .docx-fil",
                                "unknown template {name!r}: choose one of {names} or give a .docx file of your own"),
    "render.template_format": ("mallen ska vara ett Word-dokument (.docx) eller en formulärbeskrivning (.yaml), inte "
                               "{suffix}; en Word-mall (.dotx) eller .docm sparas först som .docx",
                               "a template must be a Word document (.docx) or a form description (.yaml), not {suffix}; "
                               "save a Word template (.dotx) or .docm as .docx first"),
    "render.template_invalid": ("mallen är inget läsbart Word-dokument ({reason}); spara den som .docx i Word eller "
                                "LibreOffice och försök igen",
                                "the template is not a readable Word document ({reason}); save it as .docx in Word or "
                                "LibreOffice and try again"),
    "render.template_macros": ("mallen är ett makroaktiverat Word-dokument (.docm, eller med makron i sig); grantcalc "
                               "använder inga makron och tar inte med dem: spara mallen som vanligt Word-dokument "
                               "(.docx) i Word (Arkiv › Spara som › Word-dokument) och försök igen",
                               "the template is a macro-enabled Word document (.docm, or with macros inside); grantcalc "
                               "neither runs nor carries macros: save the template as a plain Word document (.docx) "
                               "in Word (File › Save As › Word Document) and try again"),
    "render.template_unpacked": ("mallen packas upp till {size} byte (högst {limit}): det är inget vanligt "
                                 "Word-dokument; spara den som .docx i Word eller LibreOffice och försök igen",
                                 "the template unpacks to {size} bytes (at most {limit}): it is not an ordinary Word "
                                 "document; save it as .docx in Word or LibreOffice and try again"),
    "render.template_parts": ("mallen består av {count} delar (högst {limit}): det är inget vanligt Word-dokument; "
                              "spara den som .docx i Word eller LibreOffice och försök igen",
                              "the template has {count} parts (at most {limit}): it is not an ordinary Word document; "
                              "save it as .docx in Word or LibreOffice and try again"),
    "render.template_doctype": ("mallens del {part} har en dokumenttypdeklaration (<!DOCTYPE …>), som Word aldrig "
                                "skriver och som kan användas för att läsa andra filer; grantcalc läser inte en sådan "
                                "mall: spara den som .docx i Word eller LibreOffice och försök igen",
                                "the template's part {part} has a document type declaration (<!DOCTYPE …>), which Word "
                                "never writes and which can be used to read other files; grantcalc does not read such "
                                "a template: save it as .docx in Word or LibreOffice and try again"),
    "render.template_syntax": ("fel i mallens fältkoder: {reason}, nära ”{context}”; fält skrivs {{{{ project.name }}}} "
                               "och rader {{%tr for row in costs.rows %}}",
                               "error in the template's field codes: {reason}, near “{context}”; fields are written "
                               "{{{{ project.name }}}} and rows {{%tr for row in costs.rows %}}"),
    "render.unknown_field": ("mallen använder {field}, som inte finns. Fälten {where}: {known}. "
                             "grantcalc render --fields visar alla fält",
                             "the template uses {field}, which does not exist. The fields {where}: {known}. "
                             "grantcalc render --fields lists every field"),
    "render.not_a_group": ("mallen använder {field}, men {parent} är {kind} och har inga fält{advice}",
                           "the template uses {field}, but {parent} is {kind} and has no fields{advice}"),
    "render.index": ("mallen använder element {index} i en lista med {count} element (räknat från 0); "
                     "gå hellre igenom listan med {{%tr for row in … %}}",
                     "the template uses element {index} of a list of {count} (counted from 0); "
                     "rather loop over the list with {{%tr for row in … %}}"),
    "render.template_error": ("mallen kunde inte fyllas i: {reason}", "the template could not be filled in: {reason}"),
    "render.template_unsafe": ("mallen försöker nå något utanför fälten grantcalc ger ({what}){where}; en mall får "
                               "bara använda fälten som grantcalc render --fields visar",
                               "the template tries to reach something outside the fields grantcalc gives it "
                               "({what}){where}; a template may only use the fields grantcalc render --fields lists"),
    "render.template_limit": ("mallen räknar för mycket: {what} (högst {limit}){where}; förenkla mallen",
                              "the template computes too much: {what} (at most {limit}){where}; simplify the template"),
    "render.template_nesting": ("mallens fältkoder ligger inuti varandra i för många nivåer{where}; förenkla mallen",
                                "the template's field codes are nested too deep{where}; simplify the template"),
    # the {what}, {limit} and {where} of render.template_limit and render.template_unsafe
    "render.limit.range": ("range(…) med {n} tal", "range(…) with {n} numbers"),
    "render.limit.text": ("en text på {n} tecken", "a text of {n} characters"),
    "render.limit.list": ("en lista med {n} element", "a list of {n} items"),
    "render.limit.exponent": ("exponenten {n} i en potens (**)", "the exponent {n} of a power (**)"),
    "render.limit.power": ("potensen {n}", "the power {n}"),
    "render.limit.number": ("ett tal med {n} siffror", "a number of {n} digits"),
    "render.limit.overflow": ("talet {n} blir för stort", "the number {n} grows too large"),
    "render.limit.output": ("det ifyllda dokumentet blir för stort", "the filled-in document grows too large"),
    "render.limit.time": ("ifyllningen tar för lång tid", "filling it in takes too long"),
    "render.limit.operations": ("för många steg (uppslag, anrop, räknesätt, filter, utskrifter och varv i loopar)",
                                "too many steps (look-ups, calls, operators, filters, output and loop rounds)"),
    "render.limit.depth": ("makron som anropar makron i för många led", "macros calling macros too deep"),
    "render.limit.at_least": ("minst 10^{n}", "at least 10^{n}"),
    "render.limit.xml": ("{n} tecken XML", "{n} characters of XML"),
    "render.limit.seconds": ("{n} sekunder", "{n} seconds"),
    "render.limit.near": (", nära ”{context}”", ", near “{context}”"),
    "render.unsafe.what": ("{name} hos {kind}", "{name} of {kind}"),
    "chart.unavailable": ("diagram kräver matplotlib: installera med {install}",
                          "charts need matplotlib: install it with {install}"),
    # --- scenarios and goal seek
    "scenario.parameter_unknown": (
        "{name!r} är ingen parameter i budgeten{hint}: skriv radens namn och fältet, t.ex. "
        "\"EVI-coacher.fte\" eller \"Resor.amount\" (raderna: {known})",
        "{name!r} is not a parameter of the budget{hint}: write the line's name and the field, e.g. "
        "\"EVI-coacher.fte\" or \"Resor.amount\" (the lines: {known})"),
    "scenario.field_unknown": ("{name!r}: {field!r} är inget fält här{hint}; fälten: {known}",
                               "{name!r}: {field!r} is not a field here{hint}; the fields: {known}"),
    "scenario.item_unknown": ("{name!r}: {item!r} finns inte{hint}; välj bland {known}",
                              "{name!r}: {item!r} does not exist{hint}; choose from {known}"),
    "scenario.parameter_path": ("{name!r} pekar inte på ett värde i budgeten: skriv t.ex. \"EVI-coacher.fte\" "
                                "eller \"EVI-coacher.by_year.2025.fte\"",
                                "{name!r} does not point at a value of the budget: write e.g. \"EVI-coacher.fte\" "
                                "or \"EVI-coacher.by_year.2025.fte\""),
    "scenario.parameter_type": ("en parameter skrivs som text, t.ex. \"EVI-coacher.fte\", inte {value}",
                                "a parameter is written as text, e.g. \"EVI-coacher.fte\", not {value}"),
    "scenario.parameter_nowhere": ("ingen rad har {name!r}", "no line has {name!r}"),
    "scenario.parameter_unset": (
        "{name!r}: raden har ingen {part}; ge hela delen, t.ex. {{\"{part}\": {{\"rate\": \"3 %\"}}}} "
        "med with_values",
        "{name!r}: the line has no {part}; give the whole part, e.g. {{\"{part}\": {{\"rate\": \"3 %\"}}}} "
        "with with_values"),
    "scenario.parameter_year": ("{name!r}: {part!r} är inget budgetår (skriv t.ex. by_year.2025.fte)",
                                "{name!r}: {part!r} is not a budget year (write e.g. by_year.2025.fte)"),
    "scenario.value_invalid": ("{setting} ger ingen giltig budget: {reason}",
                               "{setting} does not make a valid budget: {reason}"),
    "scenario.value_year": ("{setting}: {year} är inget budgetår i perioden",
                            "{setting}: {year} is not a budget year of the period"),
    "scenario.no_parameters": ("ange minst en parameter och dess värden, t.ex. {{\"EVI-coacher.fte\": [1, 1.5, 2]}}",
                               "give at least one parameter and its values, e.g. {{\"EVI-coacher.fte\": [1, 1.5, 2]}}"),
    "scenario.no_values": ("{name!r} har inga värden att pröva", "{name!r} has no values to try"),
    "scenario.lengths": ("med grid=False ska listorna vara lika långa ({lengths})",
                         "with grid=False the lists must be as long as each other ({lengths})"),
    "seek.cap_or_target": ("ange antingen cap (ett tak) eller target (ett mål), inte båda och inte ingen",
                           "give either cap (a ceiling) or target, not both and not neither"),
    "seek.step": ("{name}: steget ska vara större än 0", "{name}: the step must be greater than 0"),
    "seek.low_invalid": ("{name}: det lägsta värdet {low} går inte att använda; ange lo",
                         "{name}: the lowest value {low} cannot be used; give lo"),
    "seek.high_invalid": ("{name}: det högsta värdet {high} går inte att använda eller ligger under det lägsta; "
                          "ange ett annat hi",
                          "{name}: the highest value {high} cannot be used or lies below the lowest; give another hi"),
    "seek.no_solution": ("inget värde av {name} håller sig inom taket {cap}: redan {value} ger {amount}",
                         "no value of {name} stays within the cap {cap}: {value} gives {amount} already"),
    "seek.each_target": ("year=\"each\" går bara med ett tak (cap), inte med ett mål",
                         "year=\"each\" works with a cap only, not with a target"),
    "seek.year": ("{year} är inget budgetår; välj bland {years} eller \"each\"",
                  "{year} is not a budget year; choose from {years} or \"each\""),
    "seek.metric": ("{metric!r} är ingen finansiär{hint}; välj \"total\", \"cash\", \"applied\" eller en "
                    "finansiär: {known}",
                    "{metric!r} is not a funder{hint}; choose \"total\", \"cash\", \"applied\" or a "
                    "funder: {known}"),
    "seek.callable_year": ("en egen funktion som mått räknar själv ut året; ange inte year",
                           "a function as the metric chooses its own year; do not give year"),
    "render.chart_missing": ("mallen visar diagrammet {field}, men diagram kräver matplotlib: installera med {install}",
                             "the template shows the chart {field}, but charts need matplotlib: install it with {install}"),
    "render.charts_left_out": ("dokumentet skrevs utan diagram eftersom matplotlib saknas; installera med {install}",
                               "the document was written without charts because matplotlib is missing; install it with {install}"),
    "render.form_invalid": ("formulärbeskrivningen är ogiltig: {reason}", "the form description is invalid: {reason}"),
    "render.unbalanced": ("kostnaderna ({costs}) och finansieringen ({financing}) balanserar inte; dokumentet visar "
                          "dem som de är: kör grantcalc check för detaljer",
                          "costs ({costs}) and financing ({financing}) do not balance; the document shows them as "
                          "they are: run grantcalc check for details"),
    "text.bidi_control": ("innehåller ett osynligt tecken för skrivriktning ({char}) som får texten att visas i en annan "
                          "ordning än den står; ta bort det",
                          "contains an invisible writing-direction character ({char}) that makes the text show in another "
                          "order than it is written; remove it"),
    "text.control_character": ("innehåller ett styrtecken ({char}) som inte kan stå i ett dokument; ta bort det",
                               "contains a control character ({char}) that cannot appear in a document; remove it"),
    # --- values (pydantic error types and our own)
    "invalid.missing": ("saknas", "is missing"),
    "invalid.extra_forbidden": ("okänd nyckel{hint}", "unknown key{hint}"),
    "invalid.greater_than": ("måste vara större än {gt}", "must be greater than {gt}"),
    "invalid.greater_than_equal": ("måste vara minst {ge}", "must be at least {ge}"),
    "invalid.less_than": ("måste vara mindre än {lt}", "must be less than {lt}"),
    "invalid.less_than_equal": ("får vara högst {le}", "must be at most {le}"),
    "invalid.not_a_number": ("{value!r} är inte ett tal", "{value!r} is not a number"),
    "invalid.too_large": ("{value!r} är orimligt stort (högst {limit})", "{value!r} is unreasonably large (at most {limit})"),
    "invalid.not_finite": ("måste vara ett ändligt tal", "must be a finite number"),
    "invalid.too_precise": ("{value!r} har för många decimaler (högst {places})",
                             "{value!r} has too many decimals (at most {places})"),
    "invalid.number_too_long": ("{value!r} är för långt för att vara ett tal: {length} tecken, men ett tal får "
                                "vara högst {limit} tecken; skriv bara talet, t.ex. \"42 350\"",
                                "{value!r} is too long to be a number: {length} characters, but a number has at "
                                "most {limit}; write just the number, e.g. \"42 350\""),
    "invalid.formula_too_long": ("formeln {value!r} är för lång: {length} tecken, men en formel får vara högst "
                                 "{limit} tecken; skriv beloppet eller formeln som dokumentet skriver den",
                                 "the formula {value!r} is too long: {length} characters, but a formula has at "
                                 "most {limit}; write the amount, or the formula as the document prints it"),
    "invalid.extra_forbidden_more": ("okänd nyckel, och efter den {more} okända nycklar till på samma ställe, som "
                                     "inte visas var för sig; ta bort eller rätta dem",
                                     "unknown key, and {more} more unknown keys after it in the same place, not "
                                     "listed one by one; remove or correct them"),
    "invalid.extra_forbidden_rest": ("okänd nyckel: filen har redan {listed} okända nycklar ovanför, så den här och "
                                     "{more} till längre ned i filen visas inte var för sig; ta bort eller rätta dem",
                                     "unknown key: the file has {listed} unknown keys above already, so this one and "
                                     "{more} more further down are not listed one by one; remove or correct them"),
    "invalid.invalid_key": ("nyckeln ska vara text", "the key must be text"),
    "invalid.bool_parsing": ("ska vara true eller false", "must be true or false"),
    "invalid.percent_not_allowed": ("{value!r}: procent går inte här, skriv ett tal",
                                    "{value!r}: a percentage is not allowed here, write a number"),
    "invalid.decimal_parsing": ("är inte ett tal", "is not a number"),
    "invalid.decimal_type": ("ska vara ett tal", "must be a number"),
    "invalid.int_parsing": ("ska vara ett heltal", "must be a whole number"),
    "invalid.int_type": ("ska vara ett heltal", "must be a whole number"),
    "invalid.int_from_float": ("ska vara ett heltal", "must be a whole number"),
    "invalid.string_type": ("ska vara text", "must be text"),
    "invalid.string_too_short": ("får inte vara tom", "must not be empty"),
    "invalid.bool_type": ("ska vara true eller false", "must be true or false"),
    "invalid.dict_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.model_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.model_attributes_type": ("ska vara nycklar med värden (nyckel: värde)", "must be a mapping (key: value)"),
    "invalid.list_type": ("ska vara en lista", "must be a list"),
    "invalid.too_short": ("ska ha minst {min_length} element", "must have at least {min_length} items"),
    "invalid.date_type": ("ska vara ett datum åååå-mm-dd", "must be a date yyyy-mm-dd"),
    "invalid.date_parsing": ("ska vara ett datum åååå-mm-dd", "must be a date yyyy-mm-dd"),
    "invalid.date_from_datetime_parsing": ("{value!r} är inget giltigt datum: skriv åååå-mm-dd, t.ex. 2025-02-28",
                                           "{value!r} is not a valid date: write yyyy-mm-dd, e.g. 2025-02-28"),
    "invalid.date_number": ("{value} är ett tal, inte ett datum: skriv åååå-mm-dd, t.ex. 2025-12-31",
                            "{value} is a number, not a date: write yyyy-mm-dd, e.g. 2025-12-31"),
    "invalid.date_from_datetime_inexact": ("ska vara ett datum utan klockslag", "must be a date without a time"),
    "invalid.literal_error": ("ska vara {expected}", "must be {expected}"),
    "invalid.enum": ("ska vara {expected}", "must be {expected}"),
    "invalid.union_tag_invalid": ("okänd radtyp {tag!r}{hint}; kända: {expected_tags_sv}",
                                  "unknown line kind {tag!r}{hint}; known: {expected_tags}"),
    "invalid.union_tag_not_found": ("saknar kind (radtyp: {expected_tags_sv})",
                                    "has no kind (line kind: {expected})"),
    "invalid.on_cost_below_one": (
        "påslaget {value} är under 1: skriv 1.42 (eller \"42 %\") för 42 % personalomkostnader",
        "the on-cost factor {value} is below 1: write 1.42 (or \"42 %\") for 42 % on-costs"),
    "invalid.rate_too_high": ("{value} är orimligt hög som andel: skriv \"3,3 %\" eller 0.033",
                              "{value} is too high for a rate: write \"3.3 %\" or 0.033"),
    "invalid.month_day": ("ska vara månad-dag, t.ex. \"01-01\" eller \"04-01\"",
                          "must be month-day, e.g. \"01-01\" or \"04-01\""),
    "invalid.year_key": ("{value!r} är inte ett budgetår", "{value!r} is not a budget year"),
    "invalid.one_of": ("ange {options}", "give {options}"),
    "invalid.only_one_of": ("ange bara en av {options}", "give only one of {options}"),
    # --- the budget as a whole
    "budget.period_order": ("perioden slutar {end} före starten {start}",
                            "the period ends ({end}) before it starts ({start})"),
    "budget.duplicate_line": ("radnamnet {name!r} används redan av kostnadsrad nr {number}",
                              "the line name {name!r} is already used by line no. {number}"),
    "budget.unknown_category": ("okänt kostnadsslag {name!r}{hint}; deklarera det under categories eller välj bland: {known}",
                                "unknown category {name!r}{hint}; declare it under categories or choose from: {known}"),
    "budget.unknown_year": ("{year} är inget budgetår i perioden ({years})",
                            "{year} is not a budget year of the period ({years})"),
    "budget.date_outside": ("datumet {date} ligger utanför perioden {start} – {end}",
                            "the date {date} lies outside the period {start} – {end}"),
    "budget.line_dates": ("raden slutar {end} före sin start {start}", "the line ends ({end}) before it starts ({start})"),
    "budget.unknown_line": ("okänd rad {name!r}{hint}", "unknown line {name!r}{hint}"),
    "budget.percentage_self": ("procentraden {name!r} kan inte ingå i sitt eget underlag",
                               "the percentage line {name!r} cannot be part of its own base"),
    "budget.period_too_long": ("perioden {start} – {end} omfattar {count} budgetår; högst {limit} går (ett skrivfel i "
                               "årtalet?)",
                               "the period {start} – {end} spans {count} budget years; at most {limit} are possible (a "
                               "typo in the year?)"),
    "budget.period_range": ("perioden {start} – {end} går inte att dela i budgetår: årtalen ska ligga mellan 1 och 9998",
                            "the period {start} – {end} cannot be divided into budget years: the years must lie "
                            "between 1 and 9998"),
    "budget.unknown_funder": ("projektets finansiär {name!r} finns inte bland finansiärerna under financing{hint}: "
                              "skriv namnet som där eller markera den sökta med applies: true; finansiärerna: {known}",
                              "the project's funder {name!r} is not one of the funders under financing{hint}: "
                              "write the name as there or mark the one applied to with applies: true; the funders: "
                              "{known}"),
    "budget.percentage_cycle": ("procentraderna bildar en cirkel: {cycle}",
                                "the percentage lines form a cycle: {cycle}"),
    "budget.empty_base": ("underlaget för procentsatsen är tomt", "the base of the percentage is empty"),
    "budget.fiscal_month": ("fiscal_year_start gäller bara budget_years: fiscal",
                            "fiscal_year_start applies only to budget_years: fiscal"),
    "budget.duplicate_category": ("kostnadsslaget {name!r} är deklarerat två gånger",
                                  "the category {name!r} is declared twice"),
    "financing.duplicate_funder": ("finansiären {name!r} finns redan som finansiär nr {number}",
                                   "the funder {name!r} is already funder no. {number}"),
    "financing.two_rests": ("bara en finansiär kan täcka resten (rest: true); {name!r} gör det redan",
                            "only one funder can cover the rest (rest: true); {name!r} does already"),
    "financing.two_applicants": ("bara en finansiär kan vara den sökta (applies: true); {name!r} är det redan",
                                 "only one funder can be the one applied to (applies: true); {name!r} is already"),
    "financing.line_twice": ("kostnadsraden {line!r} bärs redan av {name!r}",
                             "the cost line {line!r} is carried by {name!r} already"),
    "financing.in_kind_line_cash": (
        "{line!r} är en insats i natura och kan inte bäras kontant: låt en finansiär i natura bära den "
        "(in_kind: true), skild från de kontanta raderna",
        "{line!r} is a contribution in kind and cannot be carried in cash: let a funder in kind carry it "
        "(in_kind: true), apart from the cash lines"),
    "invalid.stated_figure": ("{value!r} är varken ett belopp eller en formel som \"42.350 kr × 1,42 × 3,5 = 210.479 kr\"",
                              "{value!r} is neither an amount nor a formula such as \"42.350 kr × 1,42 × 3,5 = 210.479 kr\""),
    # --- check: reconciliation (errors)
    "balance.year": ("{year}: kostnaderna {costs} och finansieringen {financing} balanserar inte "
                     "(finansiering − kostnader = {difference})",
                     "{year}: costs {costs} and financing {financing} do not balance (financing − costs = {difference})"),
    "balance.total": ("totalt: kostnaderna {costs} och finansieringen {financing} balanserar inte "
                      "(finansiering − kostnader = {difference}); summan ska balansera mot finansieringsbudgeten",
                      "in all: costs {costs} and financing {financing} do not balance (financing − costs = "
                      "{difference}); the cost budget must balance the financing budget"),
    "applied.differs": ("sökt belopp {stated} stämmer inte med finansieringen från {funder}, {computed} "
                        "(skillnad {difference})",
                        "the applied amount {stated} does not match the financing from {funder}, {computed} "
                        "(difference {difference})"),
    "applied.no_funder": ("sökt belopp anges ({stated}), men ingen finansiär är den sökta: markera den med applies: true",
                          "an applied amount is stated ({stated}), but no funder is the one applied to: "
                          "mark it with applies: true"),
    "financing.rest_negative": ("{year}: de andra finansiärerna står för {others}, mer än kostnaderna {costs}; "
                                "{funder} skulle få {amount}",
                                "{year}: the other funders give {others}, more than the costs {costs}; "
                                "{funder} would get {amount}"),
    "financing.cap_year": ("{year}: {funder} finansierar {amount}, över taket {cap} per år (med {excess})",
                           "{year}: {funder} finances {amount}, above its yearly ceiling {cap} (by {excess})"),
    "financing.cap_total": ("{funder} finansierar {amount} totalt, över taket {cap} (med {excess})",
                            "{funder} finances {amount} in all, above its ceiling {cap} (by {excess})"),
    "financing.share": ("{year}: {funder} finansierar {amount}, men andelen {share} av {base} är {expected} "
                        "(skillnad {difference})",
                        "{year}: {funder} finances {amount}, but the share {share} of {base} is {expected} "
                        "(difference {difference})"),
    "financing.max_share": ("{funder} finansierar {amount} totalt, mer än högst {share} av {base}, {expected} "
                            "(med {excess})",
                            "{funder} finances {amount} in all, more than at most {share} of {base}, {expected} "
                            "(by {excess})"),
    # --- check: stated figures
    "stated.line_year": ("{line}, {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
                         "{line}, {year}: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.line_total": ("{line}, totalt: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
                          "{line}, total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.costs_year": ("kostnadsbudgetens summa {year}: ansökan anger {stated}, beräknat {computed} "
                          "(skillnad {difference})",
                          "the cost budget's sum for {year}: the document states {stated}, computed {computed} "
                          "(difference {difference})"),
    "stated.costs_total": ("kostnadsbudgetens totalsumma: ansökan anger {stated}, beräknat {computed} "
                           "(skillnad {difference})",
                           "the cost budget's total: the document states {stated}, computed {computed} "
                           "(difference {difference})"),
    "stated.funder_year": ("{funder}, {year}: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
                           "{funder}, {year}: the document states {stated}, computed {computed} "
                           "(difference {difference})"),
    "stated.funder_total": ("{funder}, totalt: ansökan anger {stated}, beräknat {computed} (skillnad {difference})",
                            "{funder}, total: the document states {stated}, computed {computed} "
                            "(difference {difference})"),
    "stated.financing_year": ("finansieringsbudgetens summa {year}: ansökan anger {stated}, beräknat {computed} "
                              "(skillnad {difference})",
                              "the financing budget's sum for {year}: the document states {stated}, computed "
                              "{computed} (difference {difference})"),
    "stated.financing_total": ("finansieringsbudgetens totalsumma: ansökan anger {stated}, beräknat {computed} "
                               "(skillnad {difference})",
                               "the financing budget's total: the document states {stated}, computed {computed} "
                               "(difference {difference})"),
    "stated.plan_total": ("tids- och aktivitetsplanens summa: ansökan anger {stated}, aktiviteterna ger {computed} "
                          "(skillnad {difference})",
                          "the time and activity plan's sum: the document states {stated}, the activities give "
                          "{computed} (difference {difference})"),
    "stated.formula": ("{line}, {year}: formeln som den står, \u201d{text}\u201d, ger {product}, inte {result} "
                       "(skillnad {difference})",
                       "{line}, {year}: the formula as written, \u201c{text}\u201d, gives {product}, not {result} "
                       "(difference {difference})"),
    # --- check: months, raises, rates, plan (warnings)
    "period.months": ("{year} budgeteras med {budgeted} månader, men perioden har {counted} månader det året "
                      "({start} – {end}); hela budgeten räknar {budget_months} månader för en period på {period_months}",
                      "{year} is budgeted with {budgeted} months, but the period has {counted} months that year "
                      "({start} – {end}); the whole budget counts {budget_months} months for a period of "
                      "{period_months}"),
    "period.line_months": ("{line}, {year}: {budgeted} månader budgeteras, men raden löper {counted} månader det året",
                           "{line}, {year}: {budgeted} months are budgeted, but the line runs {counted} months that year"),
    "raise.salary": ("{line}, {year}: månadslönen {stated} följer inte den årliga löneökningen {rate}: "
                     "{previous} × {factor} = {exact}, alltså {expected}; med den blir årets kostnad {impact} "
                     "{more_or_less}",
                     "{line}, {year}: the monthly salary {stated} does not follow the yearly raise {rate}: "
                     "{previous} × {factor} = {exact}, so {expected}; with it the year costs {impact} {more_or_less}"),
    "rate.conversion": ("{line}, {year}: räknar med {year_rate} i stället för radens {line_rate} (= {converted}); "
                        "beloppet blir {stated} i stället för {expected} (skillnad {difference})",
                        "{line}, {year}: counts {year_rate} instead of the line's {line_rate} (= {converted}); "
                        "the amount is {stated} instead of {expected} (difference {difference})"),
    "plan.costs": ("tids- och aktivitetsplanen: {activities} kostar {plan}, men kostnadsraderna de hör till "
                   "({lines}) har {cost} för {years} (skillnad {difference})",
                   "time and activity plan: {activities} cost {plan}, but the cost lines they belong to "
                   "({lines}) have {cost} for {years} (difference {difference})"),
    "plausibility.negative_line": ("{line} har ett negativt totalbelopp, {amount}",
                                   "{line} has a negative total, {amount}"),
    "plausibility.negative_year": ("{year}: kostnadsbudgetens summa är negativ, {amount}",
                                   "{year}: the cost budget's sum is negative, {amount}"),
    # --- check: what explicit amounts imply (info, on request)
    "implied.on_cost": ("{line}, {year}: {amount} motsvarar påslaget {value} på {salary} × {fte} × {months} mån",
                        "{line}, {year}: {amount} implies the on-cost factor {value} on {salary} × {fte} × "
                        "{months} months"),
    "implied.monthly_salary": ("{line}, {year}: {amount} motsvarar månadslönen {value} med {on_cost} × {fte} × "
                               "{months} mån",
                               "{line}, {year}: {amount} implies the monthly salary {value} with {on_cost} × {fte} × "
                               "{months} months"),
    "implied.fte": ("{line}, {year}: {amount} motsvarar tjänstgöringsgraden {value} med {salary} × {on_cost} × "
                    "{months} mån",
                    "{line}, {year}: {amount} implies {value} FTE with {salary} × {on_cost} × {months} months"),
    "implied.change": ("{line}: kostnaden per månad ändras med {value} från {previous_year} till {year} "
                       "({previous_monthly}/mån → {monthly}/mån)",
                       "{line}: the cost per month changes by {value} from {previous_year} to {year} "
                       "({previous_monthly}/month → {monthly}/month)"),
    # --- plausibility (warnings)
    "plausibility.on_cost_high": (
        "påslaget {value} är över 3 – menade du {suggestion}? (påslaget {suggestion} betyder {percent} % personalomkostnader)",
        "the on-cost factor {value} is above 3 – did you mean {suggestion}? ({suggestion} means {percent} % on-costs)"),
    "plausibility.salary_low": (
        "månadslönen {value} kr är ovanligt låg – menade du {suggestion} kr? (42.350 läses som 42,35)",
        "the monthly salary {value} kr is unusually low – did you mean {suggestion} kr? (42.350 reads as 42.35)"),
    "plausibility.fte_high": ("tjänstgöringsgraden {value} betyder {value} heltidstjänster – menade du {fte}? (skriv "
                              "{suggestion} eller \"{value} %\")",
                              "the FTE {value} means {value} full-time posts – did you mean {fte}? (write {suggestion} "
                              "or \"{value} %\")"),
    "plausibility.fte_people": ("{fte} tjänst är mer än {people} personer kan bära",
                                "{fte} FTE is more than {people} people can carry"),
}

_SEVERITY = {"error": ("fel", "error"), "warning": ("varning", "warning"), "info": ("info", "info")}


def severity_word(severity: str, lang: str = "sv") -> str:
    sv, en = _SEVERITY[str(severity)]
    return sv if lang == "sv" else en


# parameters that are years or list indexes: never grouped ("2025", not "2 025")
_VERBATIM = frozenset({"year", "first", "number", "previous_year"})
# parameters that are amounts of money: "1 085 966 kr"; differences carry their sign: "+1 kr"
_MONEY = frozenset({"costs", "financing", "stated", "computed", "difference", "expected", "product", "result",
                    "cap", "plan", "cost", "impact", "previous", "exact", "amount", "others", "base", "salary",
                    "monthly", "previous_monthly", "excess"})
_SIGNED = frozenset({"difference"})
_PERCENT = frozenset({"rate", "share", "fte"})


def _fmt(value: Any, lang: str, key: str = "") -> Any:
    from fractions import Fraction

    if isinstance(value, Bilingual):
        return value.text(lang)
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0] if lang == "sv" else value[1]  # a text given in both languages
    if isinstance(value, (Decimal, Fraction)) or (isinstance(value, int) and not isinstance(value, bool)):
        from grantcalc import formatting as fmt

        if key in _MONEY:
            if key in _SIGNED and value > 0:  # "+1 kr" / "SEK +1"
                return "+" + fmt.money(value, lang) if lang == "sv" else fmt.money(value, lang).replace("SEK\u00a0", "SEK\u00a0+")
            return fmt.money(value, lang)
        if key in _PERCENT:
            return fmt.percent(value, lang)
        if key in ("factor", "on_cost"):
            return fmt.factor(value, lang)
        return fmt.number(value, lang)
    return value


def render(code: str, params: dict[str, Any], lang: str = "sv", fallback: str | None = None) -> str:
    entry = CATALOG.get(code)
    if entry is None:
        return fallback or code
    template = entry[0] if lang == "sv" else entry[1]
    values = {k: v if k in _VERBATIM and not isinstance(v, tuple) else _fmt(v, lang, k) for k, v in params.items()}
    suggestion = params.get("did_you_mean")
    values["hint"] = (f" (menade du {suggestion!r}?)" if lang == "sv" else f" (did you mean {suggestion!r}?)") \
        if suggestion else ""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback or template
