"""English: every text grantcalc shows a user, by key (see :mod:`grantcalc.catalogue`).

The same keys and {placeholders} as ``sv.py``; to add a language, copy this file to
``<code>.py``, set LOCALE and NAME, and translate the texts.
"""

LOCALE = "en_GB"
NAME = "English"

TEXTS: dict[str, str] = {
    # --- reading files
    "file.missing": "file not found",
    "file.unreadable": "cannot read the file: {reason}",
    "file.is_directory": "is a directory, not a file",
    "file.not_regular": "is {kind}, not a regular file: name a file",
    "file.empty": "the file is empty: write a budget (see examples/)",
    "file.encoding": "the file is not saved as UTF-8 (a character on the line cannot be read); save it as UTF-8",
    "file.format": "unknown file format {suffix!r}: use .yaml, .yml, .toml or .json",
    "file.too_large": "the file is too large ({size} bytes; at most {limit})",
    "file.too_many_values": "the file grows too large once its aliases (*name) are expanded: more than {limit} values",
    # --- why a file could not be read or written (an OSError's errno), the {reason} of file.unreadable
    "oserror.EACCES": "permission denied (you may not read or write here)",
    "oserror.EPERM": "operation not permitted",
    "oserror.ENAMETOOLONG": "the file name is too long",
    "oserror.ENOTDIR": "a part of the path is not a folder",
    "oserror.ELOOP": "the path has too many symbolic links (a link that points to itself?)",
    "oserror.EISDIR": "is a folder, not a file",
    "oserror.ENOSPC": "the disk is full",
    "oserror.EDQUOT": "the disk quota is used up",
    "oserror.EROFS": "the file system is read-only",
    "oserror.ENOENT": "does not exist",
    "oserror.EEXIST": "exists already",
    "oserror.EIO": "input/output error on the disk",
    "oserror.EBADF": "the stream is closed",
    "oserror.ENXIO": "no device or reader at the other end",
    "oserror.ETXTBSY": "the file is in use by another program",
    "oserror.EMFILE": "too many open files",
    "oserror.EINVAL": "invalid file name",
    "syntax.yaml": "YAML syntax error: {reason}",
    "syntax.json": "JSON syntax error: {reason}",
    "syntax.toml": "TOML syntax error: {reason}",
    "syntax.character": (
        "the file holds the character {character}, which a budget file may not contain (a control character or a "
        "broken one); remove it, or save the file as UTF-8 text"),
    "syntax.complex_key": (
        "a key is a list or a mapping (a \"?\" at the start of the line?); a key in a budget is a name followed by "
        "a colon, e.g. name: Resor"),
    "syntax.duplicate_key": "the key {key!r} occurs twice",
    "syntax.tag": "the YAML tag {tag} is not allowed in a budget",
    "syntax.not_mapping": "a budget must be a mapping with the keys project, period and lines",
    "syntax.key_type": "the key {key!r} must be text",
    "syntax.too_deep": "lists and keys are nested more than {limit} levels deep from here, too deep for a budget",
    "output.exists": "{path} exists already: choose another name or add --force to overwrite it",
    "output.no_folder": "the folder {folder} does not exist",
    "output.suffix": "{path}: a Word document must end in .docx, e.g. application.docx",
    "output.needs_name": "name the output file with -o, e.g. -o application.docx",
    "output.unwritable": "cannot write {path}: {reason}",
    "internal.error": (
        "internal error ({error}). This is a bug in grantcalc; run with GRANTCALC_DEBUG=1 for details and report it"),
    "output.empty_name": "the output file's name is empty: give a file name, e.g. -o application.docx",
    "output.not_a_file_name": "{path} ends in / and is not a file name: name the file, e.g. {path}application.docx",
    "output.interrupted": "interrupted (signal {signal}) before the file was written; no file was changed",
    # --- exporting Excel workbooks and CSV
    "export.format": "{path}: the suffix chooses the format, .xlsx (Excel workbook) or .csv, e.g. -o budget.xlsx",
    "export.excel_suffix": "{path}: an Excel workbook must end in .xlsx, e.g. budget.xlsx",
    "export.too_many_rows": (
        "{path}: the Computation sheet would have {rows} rows (one per cost line and budget year), but an Excel "
        "sheet holds at most {limit}; write the budget as CSV instead, e.g. -o budget.csv"),
    "export.needs_name": "name the output file with -o, e.g. -o budget.xlsx or -o budget.csv",
    # --- rendering Word documents
    "render.template_unknown": "unknown template {name!r}: choose one of {names} or give a .docx file of your own",
    "render.template_format": (
        "a template must be a Word document (.docx) or a form description (.yaml), not {suffix}; save a Word "
        "template (.dotx) or .docm as .docx first"),
    "render.template_invalid": (
        "the template is not a readable Word document ({reason}); save it as .docx in Word or LibreOffice and try "
        "again"),
    "render.template_macros": (
        "the template is a macro-enabled Word document (.docm, or with macros inside); grantcalc neither runs nor "
        "carries macros: save the template as a plain Word document (.docx) in Word (File › Save As › Word "
        "Document) and try again"),
    "render.template_unpacked": (
        "the template unpacks to {size} bytes (at most {limit}): it is not an ordinary Word document; save it as "
        ".docx in Word or LibreOffice and try again"),
    "render.template_parts": (
        "the template has {count} parts (at most {limit}): it is not an ordinary Word document; save it as .docx in "
        "Word or LibreOffice and try again"),
    "render.template_doctype": (
        "the template's part {part} has a document type declaration (<!DOCTYPE …>), which Word never writes and "
        "which can be used to read other files; grantcalc does not read such a template: save it as .docx in Word "
        "or LibreOffice and try again"),
    "render.template_syntax": (
        "error in the template's field codes: {reason}, near “{context}”; fields are written {{{{ project.name }}}} "
        "and rows {{%tr for row in costs.rows %}}"),
    "render.unknown_field": (
        "the template uses {field}, which does not exist. The fields {where}: {known}. grantcalc render --fields "
        "lists every field"),
    "render.not_a_group": "the template uses {field}, but {parent} is {kind} and has no fields{advice}",
    "render.index": (
        "the template uses element {index} of a list of {count} (counted from 0); rather loop over the list with "
        "{{%tr for row in … %}}"),
    "render.template_error": "the template could not be filled in: {reason}",
    "render.template_unsafe": (
        "the template tries to reach something outside the fields grantcalc gives it ({what}){where}; a template "
        "may only use the fields grantcalc render --fields lists"),
    "render.template_limit": "the template computes too much: {what} (at most {limit}){where}; simplify the template",
    "render.template_nesting": "the template's field codes are nested too deep{where}; simplify the template",
    # the {what}, {limit} and {where} of render.template_limit and render.template_unsafe
    "render.limit.range": "range(…) with {n} numbers",
    "render.limit.text": "a text of {n} characters",
    "render.limit.list": "a list of {n} items",
    "render.limit.exponent": "the exponent {n} of a power (**)",
    "render.limit.power": "the power {n}",
    "render.limit.number": "a number of {n} digits",
    "render.limit.overflow": "the number {n} grows too large",
    "render.limit.output": "the filled-in document grows too large",
    "render.limit.time": "filling it in takes too long",
    "render.limit.operations": "too many steps (look-ups, calls, operators, filters, output and loop rounds)",
    "render.limit.depth": "macros calling macros too deep",
    "render.limit.at_least": "at least 10^{n}",
    "render.limit.xml": "{n} characters of XML",
    "render.limit.seconds": "{n} seconds",
    "render.limit.near": ", near “{context}”",
    "render.unsafe.what": "{name} of {kind}",
    "chart.unavailable": "charts need matplotlib: install it with {install}",
    # --- scenarios and goal seek
    "scenario.parameter_unknown": (
        "{name!r} is not a parameter of the budget{hint}: write the line's name and the field, e.g. "
        "\"EVI-coacher.fte\" or \"Resor.amount\" (the lines: {known})"),
    "scenario.field_unknown": "{name!r}: {field!r} is not a field here{hint}; the fields: {known}",
    "scenario.item_unknown": "{name!r}: {item!r} does not exist{hint}; choose from {known}",
    "scenario.parameter_path": (
        "{name!r} does not point at a value of the budget: write e.g. \"EVI-coacher.fte\" or "
        "\"EVI-coacher.by_year.2025.fte\""),
    "scenario.parameter_type": "a parameter is written as text, e.g. \"EVI-coacher.fte\", not {value}",
    "scenario.parameter_nowhere": "no line has {name!r}",
    "scenario.parameter_unset": (
        "{name!r}: the line has no {part}; give the whole part, e.g. {{\"{part}\": {{\"rate\": \"3 %\"}}}} with "
        "with_values"),
    "scenario.parameter_year": "{name!r}: {part!r} is not a budget year (write e.g. by_year.2025.fte)",
    "scenario.value_invalid": "{setting} does not make a valid budget: {reason}",
    "scenario.value_year": "{setting}: {year} is not a budget year of the period",
    "scenario.no_parameters": "give at least one parameter and its values, e.g. {{\"EVI-coacher.fte\": [1, 1.5, 2]}}",
    "scenario.no_values": "{name!r} has no values to try",
    "scenario.lengths": "with grid=False the lists must be as long as each other ({lengths})",
    "seek.cap_or_target": "give either cap (a ceiling) or target, not both and not neither",
    "seek.step": "{name}: the step must be greater than 0",
    "seek.low_invalid": "{name}: the lowest value {low} cannot be used; give lo",
    "seek.high_invalid": "{name}: the highest value {high} cannot be used or lies below the lowest; give another hi",
    "seek.no_solution": "no value of {name} stays within the cap {cap}: {value} gives {amount} already",
    "seek.each_target": "year=\"each\" works with a cap only, not with a target",
    "seek.year": "{year} is not a budget year; choose from {years} or \"each\"",
    "seek.metric": "{metric!r} is not a funder{hint}; choose \"total\", \"cash\", \"applied\" or a funder: {known}",
    "seek.callable_year": "a function as the metric chooses its own year; do not give year",
    "render.chart_missing": (
        "the template shows the chart {field}, but charts need matplotlib: install it with {install}"),
    "render.charts_left_out": (
        "the document was written without charts because matplotlib is missing; install it with {install}"),
    "render.form_invalid": "the form description is invalid: {reason}",
    "render.unbalanced": (
        "costs ({costs}) and financing ({financing}) do not balance; the document shows them as they are: run "
        "grantcalc check for details"),
    "text.bidi_control": (
        "contains an invisible writing-direction character ({char}) that makes the text show in another order than "
        "it is written; remove it"),
    "text.control_character": "contains a control character ({char}) that cannot appear in a document; remove it",
    # --- values (pydantic error types and our own)
    "invalid.missing": "is missing",
    "invalid.extra_forbidden": "unknown key{hint}",
    "invalid.greater_than": "must be greater than {gt}",
    "invalid.greater_than_equal": "must be at least {ge}",
    "invalid.less_than": "must be less than {lt}",
    "invalid.less_than_equal": "must be at most {le}",
    "invalid.not_a_number": "{value!r} is not a number",
    "invalid.too_large": "{value!r} is unreasonably large (at most {limit})",
    "invalid.not_finite": "must be a finite number",
    "invalid.too_precise": "{value!r} has too many decimals (at most {places})",
    "invalid.number_too_long": (
        "{value!r} is too long to be a number: {length} characters, but a number has at most {limit}; write just "
        "the number"),
    "invalid.formula_too_long": (
        "the formula {value!r} is too long: {length} characters, but a formula has at most {limit}; write the "
        "amount, or the formula as the document prints it"),
    "invalid.extra_forbidden_more": (
        "unknown key, and {more} more unknown keys after it in the same place, not listed one by one; remove or "
        "correct them"),
    "invalid.extra_forbidden_rest": (
        "unknown key: the file has {listed} unknown keys above already, so this one and {more} more further down "
        "are not listed one by one; remove or correct them"),
    "invalid.invalid_key": "the key must be text",
    "invalid.bool_parsing": "must be true or false",
    "invalid.percent_not_allowed": "{value!r}: a percentage is not allowed here, write a number",
    "invalid.decimal_parsing": "is not a number",
    "invalid.decimal_type": "must be a number",
    "invalid.int_parsing": "must be a whole number",
    "invalid.int_type": "must be a whole number",
    "invalid.int_from_float": "must be a whole number",
    "invalid.string_type": "must be text",
    "invalid.string_too_short": "must not be empty",
    "invalid.bool_type": "must be true or false",
    "invalid.dict_type": "must be a mapping (key: value)",
    "invalid.model_type": "must be a mapping (key: value)",
    "invalid.model_attributes_type": "must be a mapping (key: value)",
    "invalid.list_type": "must be a list",
    "invalid.too_short": "must have at least {min_length} items",
    "invalid.date_type": "must be a date yyyy-mm-dd",
    "invalid.date_parsing": "must be a date yyyy-mm-dd",
    "invalid.date_from_datetime_parsing": "{value!r} is not a valid date: write yyyy-mm-dd, e.g. 2025-02-28",
    "invalid.date_number": "{value} is a number, not a date: write yyyy-mm-dd, e.g. 2025-12-31",
    "invalid.date_from_datetime_inexact": "must be a date without a time",
    "invalid.literal_error": "must be {expected}",
    "invalid.enum": "must be {expected}",
    "invalid.union_tag_invalid": "unknown line kind {tag!r}{hint}; known: {expected_tags}",
    "invalid.union_tag_not_found": "has no kind (line kind: {expected})",
    "invalid.on_cost_below_one": "the on-cost factor {value} is below 1: write 1.42 (or \"42 %\") for 42 % on-costs",
    "invalid.rate_too_high": "{value} is too high for a rate: write \"3.3 %\" or 0.033",
    "invalid.month_day": "must be month-day, e.g. \"01-01\" or \"04-01\"",
    "invalid.year_key": "{value!r} is not a budget year",
    "invalid.one_of": "give {options}",
    "invalid.only_one_of": "give only one of {options}",
    # --- the budget as a whole
    "budget.period_order": "the period ends ({end}) before it starts ({start})",
    "budget.duplicate_line": "the line name {name!r} is already used by line no. {number}",
    "budget.unknown_category": "unknown category {name!r}{hint}; declare it under categories or choose from: {known}",
    "budget.unknown_year": "{year} is not a budget year of the period ({years})",
    "budget.date_outside": "the date {date} lies outside the period {start} – {end}",
    "budget.line_dates": "the line ends ({end}) before it starts ({start})",
    "budget.unknown_line": "unknown line {name!r}{hint}",
    "budget.percentage_self": "the percentage line {name!r} cannot be part of its own base",
    "budget.period_too_long": (
        "the period {start} – {end} spans {count} budget years; at most {limit} are possible (a typo in the year?)"),
    "budget.period_range": (
        "the period {start} – {end} cannot be divided into budget years: the years must lie between 1 and 9998"),
    "budget.unknown_funder": (
        "the project's funder {name!r} is not one of the funders under financing{hint}: write the name as there or "
        "mark the one applied to with applies: true; the funders: {known}"),
    "budget.percentage_cycle": "the percentage lines form a cycle: {cycle}",
    "budget.empty_base": "the base of the percentage is empty",
    "budget.fiscal_month": "fiscal_year_start applies only to budget_years: fiscal",
    "budget.duplicate_category": "the category {name!r} is declared twice",
    "financing.duplicate_funder": "the funder {name!r} is already funder no. {number}",
    "financing.two_rests": "only one funder can cover the rest (rest: true); {name!r} does already",
    "financing.two_applicants": "only one funder can be the one applied to (applies: true); {name!r} is already",
    "financing.line_twice": "the cost line {line!r} is carried by {name!r} already",
    "financing.in_kind_line_cash": (
        "{line!r} is a contribution in kind and cannot be carried in cash: let a funder in kind carry it (in_kind: "
        "true), apart from the cash lines"),
    "invalid.stated_figure": (
        "{value!r} is neither an amount nor a formula such as \"42.350 kr × 1,42 × 3,5 = 210.479 kr\""),
    "invalid.stated_approximate": (
        "{value!r}: an approximate figure needs a number after “ca”: write e.g. “ca 70 000 kr” or “ca 4 %”"),
    "invalid.stated_tolerance": (
        "{value!r}: the tolerance after ± ({tolerance!r}) is not a number of 0 or more: write e.g. "
        "“ca 1 770 000 kr ± 5 000” or “ca 1 770 000 kr ± 5 %”"),
    "invalid.stated_rate": "{value!r} is not a rate: write e.g. “4 %”, “ca 4 %” or “ca 4 % ± 0,5 %”",
    "budget.unknown_subtotal_line": (
        "the subtotal {subtotal!r}: unknown line {name!r}{hint}; the budget's {count} lines: {known}"),
    "budget.stated_rate_self": "the line {name!r} cannot be part of the base of its own stated rate",
    # --- check: reconciliation (errors)
    "balance.year": (
        "{year}: costs {costs} and financing {financing} do not balance (financing \u2212 costs = {difference})"),
    "balance.total": (
        "in all: costs {costs} and financing {financing} do not balance (financing \u2212 costs = {difference}); "
        "the cost budget must balance the financing budget"),
    "applied.differs": (
        "the applied amount {stated} does not match the financing from {funder}, {computed} (difference "
        "{difference})"),
    "applied.no_funder": (
        "an applied amount is stated ({stated}), but no funder is the one applied to: mark it with applies: true"),
    "financing.rest_negative": (
        "{year}: the other funders give {others}, more than the costs {costs}; {funder} would get {amount}"),
    "financing.cap_year": "{year}: {funder} finances {amount}, above its yearly ceiling {cap} (by {excess})",
    "financing.cap_total": "{funder} finances {amount} in all, above its ceiling {cap} (by {excess})",
    "financing.share": (
        "{year}: {funder} finances {amount}, but the share {share} of {base} is {expected} (difference {difference})"),
    "financing.max_share": (
        "{funder} finances {amount} in all, more than at most {share} of {base}, {expected} (by {excess})"),
    # --- check: stated figures
    "stated.line_year": "{line}, {year}: the document states {stated}, computed {computed} (difference {difference})",
    "stated.line_total": "{line}, total: the document states {stated}, computed {computed} (difference {difference})",
    "stated.costs_year": (
        "the cost budget's sum for {year}: the document states {stated}, computed {computed} (difference "
        "{difference})"),
    "stated.costs_total": (
        "the cost budget's total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.funder_year": (
        "{funder}, {year}: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.funder_total": (
        "{funder}, total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.financing_year": (
        "the financing budget's sum for {year}: the document states {stated}, computed {computed} (difference "
        "{difference})"),
    "stated.financing_total": (
        "the financing budget's total: the document states {stated}, computed {computed} (difference {difference})"),
    "stated.plan_total": (
        "the time and activity plan's sum: the document states {stated}, the activities give {computed} (difference "
        "{difference})"),
    "stated.formula": (
        "{line}, {year}: the formula as written, “{text}”, gives {product}, not {result} (difference {difference})"),
    "stated.subtotal_year": (
        "{subtotal}, {year}: the document states {stated}, its lines give {computed} (difference {difference})"),
    "stated.subtotal_total": (
        "{subtotal}, total: the document states {stated}, its lines give {computed} (difference {difference})"),
    "stated.rate": "{line}: the document states {rate}, but the line's {amount} is {share} of its base {base}",
    "stated.rate_no_base": (
        "{line}: the document states {rate}, but the base is {base}, so the line's {amount} is no share of it"),
    "stated.applied_year": (
        "the amount applied for, {year}: the document states {stated}, but the financing from {funder} is "
        "{computed} (difference {difference})"),
    "format.approximately": "about {amount} (±{tolerance})",
    "format.points_one": "{points} percentage point",
    "format.points": "{points} percentage points",
    # --- check: months, raises, rates, plan (warnings)
    "period.months": (
        "{year} is budgeted with {budgeted} months, but the period has {counted} months that year ({start} – "
        "{end}); the whole budget counts {budget_months} months for a period of {period_months}"),
    "period.line_months": (
        "{line}, {year}: {budgeted} months are budgeted, but the line runs {counted} months that year"),
    "raise.salary": (
        "{line}, {year}: the monthly salary {stated} does not follow the yearly raise {rate}: {previous} × {factor} "
        "= {exact}, so {expected}; with it the year costs {impact} {more_or_less}"),
    "rate.conversion": (
        "{line}, {year}: counts {year_rate} instead of the line's {line_rate} (= {converted}); the amount is "
        "{stated} instead of {expected} (difference {difference})"),
    "plan.costs": (
        "time and activity plan: {activities} cost {plan}, but the cost lines they belong to ({lines}) have {cost} "
        "for {years} (difference {difference})"),
    "plausibility.negative_line": "{line} has a negative total, {amount}",
    "plausibility.negative_year": "{year}: the cost budget's sum is negative, {amount}",
    # --- check: what explicit amounts imply (info, on request)
    "implied.on_cost": (
        "{line}, {year}: {amount} implies the on-cost factor {value} on {salary} × {fte} × {months} months"),
    "implied.monthly_salary": (
        "{line}, {year}: {amount} implies the monthly salary {value} with {on_cost} × {fte} × {months} months"),
    "implied.fte": "{line}, {year}: {amount} implies {value} FTE with {salary} × {on_cost} × {months} months",
    "implied.change": (
        "{line}: the cost per month changes by {value} from {previous_year} to {year} ({previous_monthly}/month → "
        "{monthly}/month)"),
    # --- plausibility (warnings)
    "plausibility.on_cost_high": (
        "the on-cost factor {value} is above 3 – did you mean {suggestion}? ({suggestion} means {percent} % "
        "on-costs)"),
    "plausibility.salary_low": (
        "the monthly salary {value} kr is unusually low – did you mean {suggestion} kr? (42.350 reads as 42.35)"),
    "plausibility.fte_high": (
        "the FTE {value} means {value} full-time posts – did you mean {fte}? (write {suggestion} or \"{value} %\")"),
    "plausibility.fte_people": "{fte} FTE is more than {people} people can carry",
    # --- severities and the parts of every message
    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",
    "message.did_you_mean": " (did you mean {suggestion!r}?)",
    # --- formats: where the currency and the percent sign go
    "format.money": "SEK\u00a0{amount}",
    "format.percent": "{value}%",
    "format.excel_money": "\"SEK \"{digits}",
    # --- budget years and formulas (42 350 kr × 1,42 × 3,5 mån = 210 479 kr)
    "year.project": "Year {number}",
    "formula.per.month": "month",
    "formula.per.year": "year",
    "formula.per.hour": "hour",
    "formula.months": "{n}\u00a0months",
    "formula.year_share": "{n}/12",  # a share of a year: "SEK 650,000/year × 9/12"
    "formula.hours": "{n}\u00a0h",
    "formula.places": "{n}{block}\u00a0places",
    "formula.times": "{n}\u00a0times",
    "formula.rounded": "rounded to",
    "formula.rounded_down": "rounded down to",
    "formula.rounded_up": "rounded up to",
    # --- the words of the tables (grantcalc show, the check report, HTML)
    "word.category": "Category",
    "word.line": "Line",
    "word.total": "Total",
    "word.sum": "Sum",
    "word.in_kind": "in kind",
    "word.of_which_in_kind": "of which in kind",
    "word.amounts_in": "amounts in SEK",
    "word.months": "months",
    "word.not_stated": "amount not stated",
    "word.stated": "stated amount",
    "word.total_lower": "total",
    "word.cash": "cash",
    "word.yes": "yes",
    "word.no": "no",
    # --- the rows grantcalc adds to a financing budget: the funder of a budget that declares none,
    # and the row of a party's in-kind lines no funder carries (when a funder has the party's name)
    "funder.default": "Applied for",
    "funder.in_kind": "{party} (in kind)",
    "funder.in_kind_n": "{party} (in kind {number})",
    # --- the check report (text and HTML)
    "report.funder": "Funder",
    "report.financing": "Financing budget",
    "report.costs": "Cost budget",
    "report.applied": "Applied amount",
    "report.balanced": "Costs and financing balance in every year.",
    "report.unbalanced": "Costs and financing do not balance.",
    "report.findings": "Findings",
    "report.stated": "Stated figures compared with the computation: {compared}, of which {differing} differ.",
    "report.none": "No findings.",
    "report.difference": "Difference (financing \u2212 costs)",
    "report.line_no": "line {line}",
    "report.summary": "{errors}, {warnings}, {infos}",
    "report.errors.one": "{n} error",
    "report.errors.other": "{n} errors",
    "report.warnings.one": "{n} warning",
    "report.warnings.other": "{n} warnings",
    "report.infos.one": "{n} info",
    "report.infos.other": "{n} infos",
    # --- Excel workbooks and CSV: the sheets, and the words on them
    "sheet.costs": "Costs",
    "sheet.financing": "Financing",
    "sheet.computation": "Computation",
    "sheet.findings": "Findings",
    "excel.category": "Category",
    "excel.line": "Line",
    "excel.total": "Total",
    "excel.sum": "Sum",
    "excel.funder": "Funder",
    "excel.in_kind": "in kind",
    "excel.yes": "yes",
    "excel.costs": "Costs",
    "excel.difference": "Difference (financing \u2212 costs)",
    "excel.year": "Year",
    "excel.amount": "Amount",
    "excel.months": "Months",
    "excel.formula": "Formula",
    "excel.severity": "Severity",
    "excel.code": "Code",
    "excel.place": "Location",
    "excel.message": "Message",
    "excel.no_findings": "No findings",
    "excel.amounts_in": "amounts in SEK",
    "excel.specification": "Specification",
    "excel.place_line": "line {line}",
    "excel.place_file_line": "{file}, line {line}",
    "excel.page": "Page &P of &N",
    # --- data frames, sweeps and comparisons (pandas)
    "frame.total": "Total",
    "frame.sum": "Total",
    "sweep.total": "Total",
    "sweep.applied": "Applied for",
    # --- goal seek: the answer in a sentence
    "seek.says.cap": "{name} = {value} keeps {what} within {limit}: {achieved}, {gap} below the cap",
    "seek.says.target": "{name} = {value} brings {what} closest to {limit}: {achieved}",
    "seek.says.off": ", {gap} {side} the target",
    "seek.says.exact": ", exactly",
    "seek.says.above": "above",
    "seek.says.below": "below",
    "seek.says.next": " (the next step, {value}, gives {amount})",
    "seek.says.now": ". The budget has {was} now; step {step}, {evaluations} computations.",
    "seek.metric.total": "the costs",
    "seek.metric.cash": "the cash costs",
    "seek.metric.applied": "the amount applied for",
    "seek.metric.each": "{what} in every budget year",
    "seek.metric.year": "{what} in {year}",
    # --- charts
    "chart.costs": "Costs per budget year by category",
    "chart.financing": "Financing per budget year by funder",
    "chart.budget": "the budget",
    "chart.cap": "cap {amount}",
    "chart.currency": "SEK",
    # --- the built-in forms (Word): the words their blocks print
    "form.name": "Name of the project",
    "form.period": "Planned period",
    "form.applied": "Funds applied for from the coordination association",
    "form.funder": "the coordination association",
    "form.organisation": "Organisation",
    "form.organisation_number": "Organisation number",
    "form.unit": "Unit",
    "form.contact": "Contact person",
    "form.phone": "Phone",
    "form.email": "Email",
    "form.role": "Role",
    "form.person": "Name",
    "form.activity": "Activities",
    "form.start": "Start date",
    "form.end": "End date",
    "form.cost": "Cost",
    "form.category": "Category",
    "form.specification": "Specification",
    "form.funder_column": "Funder",
    "form.total": "Total",
    "form.sum": "Sum",
    "form.line": "Cost",
    "form.calculation": "Calculation",
    "form.amount": "Amount",
    "form.for_party": "For {party}",
    "form.place_date": "Place and date",
    "form.signature": "Signature",
    "form.clarification": "Name in capitals",
    "form.position": "Position",
    "form.year": "Year",
    "form.period_column": "Cost",
    "form.date": "Date",
    "form.applies_period": (
        "{applicant} applies for project funds from {funder} for the period {period}. The funds applied for "
        "amount to {amount}{years}."),
    "form.year_sum": "Total costs {label}",
    "form.period_total": "Total costs {period} ({months} months): {total}",
    "form.applies": (
        "{applicant} applies for {amount} from {funder} for the project “{project}” in the period {period}, as "
        "calculated above."),
    "form.in_kind": "Co-financing in kind: {items}.",
    "form.amounts_in": "Amounts in SEK.",
    "form.not_stated": "amount not stated",
    "form.in_kind_short": "in kind",
    "form.subtitle": "{funder} · {period}",
    "form.chart_costs": "Figure: costs per budget year by category.",
    "form.chart_financing": "Figure: financing per budget year by funder.",
    "form.applicant": "The applicant",
    "form.page_of": "Page {page} of {pages}",  # the foot of every page: the numbers are Word's fields
    "form.role.leader": "project leader",
    "form.role.contact": "contact person",
    "form.role.finance": "financial officer",
    # --- the fields of a document (grantcalc render --fields)
    "field.intro": (
        "Fields in a .docx template of your own: {{{{ project.name }}}}. Lists ([]) repeat per row: {{%tr for row "
        "in costs.rows %}} … {{{{ row.total }}}} … {{%tr endfor %}}. Ready tables: {{{{p tables.costs }}}}."),
    "field.year_heading": "{label}",
    "field.in_kind_note": "financed in kind by {party}",
    "field.owner_roles": "owner, applicant",
    "field.lang": "the document's language: sv or en",
    "field.today": "today's date, yyyy-mm-dd",
    "field.project.name": "the project's name",
    "field.project.applicant": "the applicant",
    "field.project.funder": "the funder applied to",
    "field.project.description": "short description",
    "field.project.period": "planned period: yyyy-mm-dd – yyyy-mm-dd",
    "field.project.start": "start date",
    "field.project.end": "end date",
    "field.project.months": "the period in months",
    "field.project.owner": "the party responsible (owner); the same fields as a party",
    "field.project.parties[]": "the parties, in the budget file's order",
    "field.project.parties[].name": "organisation",
    "field.project.parties[].role": "role, e.g. owner",
    "field.project.parties[].organisation_number": "organisation number",
    "field.project.parties[].unit": "unit",
    "field.project.parties[].contact": "the first contact's name",
    "field.project.parties[].phone": "the first contact's phone",
    "field.project.parties[].email": "the first contact's email",
    "field.project.parties[].contacts[]": "the party's contacts: role, name, phone, email",
    "field.project.contacts[]": "every contact: role, name, phone, email, party",
    "field.project.funder_address": "the funder's postal address (else the form's)",
    "field.project.funder_contacts": "the funder's contact details (else the form's)",
    "field.project.period_long": "the period written out: 1 February 2017 – 31 January 2020",
    "field.project.party_names": "the parties' names, comma-separated",
    "field.project.parties[].mobile": "the first contact's mobile phone",
    "field.project.parties[].signatory": "the person who signs for the party",
    "field.project.parties[].signatory_position": "the signatory's position",
    "field.project.parties[].signatory_email": "the signatory's email",
    "field.project.leader": "the project leader: role, name, phone, mobile, email, party",
    "field.project.contact_person": "the contact person (if not the leader): the same fields",
    "field.project.finance_contact": "the person responsible for finances: the same fields",
    "field.project.signatories[]": "one signature per party, the one responsible first",
    "field.project.signatories[].party": "the party's name",
    "field.project.signatories[].owner": "yes for the party responsible, else no",
    "field.project.signatories[].name": "the person who signs (name in print)",
    "field.project.signatories[].position": "the signatory's position",
    "field.project.signatories[].email": "the signatory's email",
    "field.years[].lines[].label": "the cost line's name and specification",
    "field.lines[].label": "the line's name, and the specification when it says more: Travel – Study visits",
    "field.lines[].detail": "the specification when it says more than the name (else empty)",
    "field.years[]": "the budget years, in order",
    "field.years[].label": "the year's label: 2024, Year 1 or 2024/25",
    "field.years[].heading": "column heading as on the form: År 2024",
    "field.years[].start": "first day within the period",
    "field.years[].end": "last day within the period",
    "field.years[].months": "months budgeted",
    "field.years[].costs": "the year's costs, with currency",
    "field.years[].financing": "the year's financing, with currency",
    "field.years[].lines[]": "the year's lines with calculation (below)",
    "field.years[].lines[].name": "line",
    "field.years[].lines[].specification": "specification (else the name)",
    "field.years[].lines[].category": "category",
    "field.years[].lines[].calculation": "the calculation up to the equals sign",
    "field.years[].lines[].formula": "the whole formula with its result",
    "field.years[].lines[].amount": "amount, with currency",
    "field.years[].lines[].note": "e.g. financed in kind by …",
    "field.years[].lines[].party": "party carrying it in kind (else empty)",
    "field.lines[]": "the cost lines",
    "field.lines[].name": "line",
    "field.lines[].category": "category",
    "field.lines[].specification": "specification (else the name)",
    "field.lines[].amounts": "amounts per budget year (a list)",
    "field.lines[].total": "the line's total",
    "field.lines[].party": "party carrying it in kind (else empty)",
    "field.costs.rows[]": "the cost budget's rows: category, specification, name, amounts, total",
    "field.costs.sum.amounts": "the Summa row per budget year",
    "field.costs.sum.total": "the Summa row's total",
    "field.costs.total": "total costs, with currency",
    "field.costs.in_kind": "of which in kind, with currency",
    "field.costs.cash": "costs paid in cash, with currency",
    "field.categories.rows[]": "the categories: name, amounts, total",
    "field.categories.sum.amounts": "the Summa row per budget year",
    "field.categories.sum.total": "the Summa row's total",
    "field.financing.rows[]": "the financing budget's rows: name, amounts, total, kind",
    "field.financing.sum.amounts": "the Summa row per budget year",
    "field.financing.sum.total": "the Summa row's total",
    "field.financing.total": "total financing, with currency",
    "field.financing.balanced": "yes when costs and financing balance every year, else no",
    "field.plan.rows[]": "the activity plan: name, start, end, cost",
    "field.plan.sum": "the plan's sum",
    "field.applied_amount": "the amount applied for, with currency",
    "field.total": "total costs, with currency",
    "field.tables.costs": "the cost budget as a ready table: {{{{p tables.costs }}}}",
    "field.tables.categories": "costs per category as a ready table",
    "field.tables.financing": "the financing budget as a ready table",
    "field.tables.plan": "the activity plan as a ready table",
    "field.tables.justification": "the budget justification, year by year",
    "field.charts.costs": "chart: costs per year by category",
    "field.charts.financing": "chart: financing per year by funder",
    # --- user templates: the parts of messages about them
    "render.where.top": "at the top level",
    "render.where.in": "in {path}",
    "render.advice.loop": ": loop over the list with {{%tr for row in … %}}",
    "render.reason_near": "{reason}, near “{context}”",
    "render.kind.field": "the field {path}",
    "render.kind.fields": "the fields",
    "render.kind.text": "a text",
    "render.kind.plain_text": "text",
    "render.kind.value": "a value",
    "render.kind.number": "a number",
    "render.kind.list": "a list",
    "render.kind.mapping": "a mapping",
    "render.kind.function": "the function {name}",
    "render.kind.partial": "a function",
    "render.kind.loop": "loop",
    "render.kind.self": "self",
    "render.kind.undefined": "a field that does not exist",
    "render.kind.macro": "a macro",
    "render.kind.object": "an object of type {type}",
    # --- why a .docx template cannot be read (the {reason} of render.template_invalid)
    "render.invalid.empty": "the file is empty",
    "render.invalid.not_zip": "it is not a zip package, which a .docx is",
    "render.invalid.damaged": "the zip package is damaged or cut short: {error}",
    "render.invalid.encrypted": "the part {part} is encrypted, which Word never writes",
    "render.invalid.method": "the part {part} is compressed with method {method}, which Word never writes",
    "render.invalid.no_content_types": "[Content_Types].xml is missing",
    "render.invalid.content_types": "[Content_Types].xml is damaged: {error}",
    "render.invalid.dotx": "it is a Word template (.dotx), to be saved as .docx first",
    "render.invalid.no_main": "the package has no Word document main part (is it another kind of file?)",
    "render.invalid.unpacks_more": "the part {part} unpacks to more than the zip package says ({size} bytes)",
    "render.invalid.unpack": "the part {part} cannot be unpacked: {error}",
    "render.invalid.shorter": "the part {part} is shorter than the zip package says",
    # --- grantcalc import: why a document cannot be read (grantcalc.importer.read)
    "import.unknown_format": (
        "grantcalc does not read {suffix} files; an application to import must be a Word document (.docx), an Excel "
        "workbook (.xlsx), a PDF (.pdf) or text (.txt, .md): save it as one of them and try again"),
    "import.too_large": (
        "the file is too large to import ({size} bytes; at most {limit}); an application is seldom larger than a few "
        "MB: save it without pictures, or only its budget, and try again"),
    "import.empty": "the file is empty; give the application to import",
    "import.wrong_kind": "the file is named {suffix} but is {what}; rename it to end in {right} and try again",
    "import.save_as": (
        "the file is {what}, which grantcalc does not read; open it, save it as {format} (File › Save As) and try "
        "again"),
    "import.old_format": (
        "the file is {what} in the old binary format, which grantcalc does not read; open it in Word or Excel, save "
        "it as {format} (File › Save As) and try again"),
    "import.password": (
        "the file is a password-protected (encrypted) Office document; open it in Word or Excel with the password, "
        "remove it (File › Info › Protect Document › Encrypt with Password), save and try again"),
    "import.image": (
        "the file is a picture, which has no text to read; run OCR on it first, or import the application as a Word "
        "document or as a PDF with text"),
    "import.not_text": (
        "the file is not text, nor a document grantcalc knows; save the application as .docx, .xlsx, .pdf or text "
        "(UTF-8) and try again"),
    "import.package_invalid": (
        "the file is not a readable Office document ({reason}); open it in Word, Excel or LibreOffice, save it again "
        "and try again"),
    "import.package_parts": (
        "the file consists of {count} parts (at most {limit}): it is not an ordinary Word or Excel document; save it "
        "again in Word, Excel or LibreOffice and try again"),
    "import.package_unpacked": (
        "the file unpacks to {size} bytes (at most {limit}): it is not an ordinary Word or Excel document; save it "
        "again in Word, Excel or LibreOffice and try again"),
    "import.macros": (
        "the file is a macro-enabled Office document (.docm, .xlsm, or with macros inside); grantcalc runs no macros "
        "and does not read such files: save it as a plain Word document (.docx) or a plain Excel workbook (.xlsx) "
        "(File › Save As) and try again"),
    "import.doctype": (
        "the file's part {part} has a document type declaration (<!DOCTYPE …>), which Word and Excel never write and "
        "which can be used to read other files; grantcalc does not read such a file: save it again in Word, Excel or "
        "LibreOffice and try again"),
    "import.docx_unreadable": (
        "the Word document cannot be read ({reason}); open it in Word or LibreOffice, save it again as .docx and try "
        "again"),
    "import.xlsx_unreadable": (
        "the Excel workbook cannot be read ({reason}); open it in Excel or LibreOffice, save it again as .xlsx and try "
        "again"),
    "import.docx_too_large": (
        "the Word document's text is {size} bytes (at most {limit}), more than an application has; save only the "
        "application's budget as a document of its own and try again"),
    "import.pdf_scanned": (
        "the PDF has no text layer; run OCR first (for instance with ocrmypdf or Adobe Acrobat's Recognize Text) and "
        "import the new PDF, or import the application as a Word document"),
    "import.pdf_password": (
        "the PDF is password-protected; open it with the password, save it as a PDF without one and try again"),
    "import.pdf_damaged": (
        "the PDF is damaged or cut short and cannot be read ({reason}); download or export it again and try again"),
    "import.pdf_no_pages": "the PDF has no pages; download or export it again and try again",
    "import.pdf_unpacked": (
        "the PDF unpacks to more than {limit} bytes: it is not an ordinary application; export it again (in Word: "
        "File › Export › PDF) and try again"),
    # the {reason} of import.package_invalid, import.xlsx_unreadable and import.pdf_damaged
    "import.invalid.not_zip": "it is not a zip package, which a .docx or .xlsx is",
    "import.invalid.damaged": "the zip package is damaged or cut short: {error}",
    "import.invalid.encrypted": "the part {part} is encrypted, which Word and Excel never write",
    "import.invalid.method": "the part {part} is compressed with method {method}, which Word and Excel never write",
    "import.invalid.no_content_types": "[Content_Types].xml is missing",
    "import.invalid.content_types": "[Content_Types].xml is damaged: {error}",
    "import.invalid.no_main": (
        "the package has no Word document or Excel workbook main part (is it another kind of file?)"),
    "import.invalid.unpacks_more": "the part {part} unpacks to more than the zip package says ({size} bytes)",
    "import.invalid.unpack": "the part {part} cannot be unpacked: {error}",
    "import.invalid.shorter": "the part {part} is shorter than the zip package says",
    "import.xlsx.no_workbook": "the workbook part {part} is missing",
    "import.xlsx.xml": "the part {part} is not readable XML: {error}",
    "import.pdf.not_pdf": "the file does not begin as a PDF does",
    # what a file is (the {what} of import.wrong_kind, import.save_as and import.old_format)
    "import.what.docx": "a Word document (.docx)",
    "import.what.xlsx": "an Excel workbook (.xlsx)",
    "import.what.pdf": "a PDF",
    "import.what.text": "a text file",
    "import.what.dotx": "a Word template (.dotx)",
    "import.what.xltx": "an Excel template (.xltx)",
    "import.what.xlsb": "a binary Excel workbook (.xlsb)",
    "import.what.pptx": "a PowerPoint presentation",
    "import.what.odt": "an OpenDocument text (.odt, LibreOffice Writer)",
    "import.what.ods": "an OpenDocument spreadsheet (.ods, LibreOffice Calc)",
    "import.what.odp": "an OpenDocument presentation (.odp)",
    "import.what.odf": "an OpenDocument file (LibreOffice)",
    "import.what.rtf": "an RTF document (.rtf)",
    "import.what.doc": "a Word document (Word 97–2003, .doc)",
    "import.what.xls": "an Excel workbook (Excel 97–2003, .xls)",
    "import.what.ppt": "a PowerPoint presentation (PowerPoint 97–2003, .ppt)",
    "import.what.ole": "an Office document",
    # what a reader left out of a document (warnings in Document.notes)
    "import.limit.tables": (
        "the document has more than {limit} tables; only the first {limit} were read, and reading stopped at {where}"),
    "import.limit.cells": "the document's tables have more than {limit} cells; reading stopped at {where}",
    "import.limit.paragraphs": (
        "the document has more than {limit} paragraphs and lines of text; reading stopped at {where}"),
    "import.limit.pages": (
        "the PDF has more than {limit} pages; only the first {limit} were read, and reading stopped at {where}"),
    "import.cp1252": (
        "the text is not UTF-8 and was read as Windows-1252 (Western European); check å, ä and ö, or save the text "
        "as UTF-8 and import it again"),
    "import.pdf_page": "{where} could not be read ({reason}) and was left out",
    "import.pdf_page_lines": "{where} has too many lines for its tables to be read; its text was read as lines",
    "import.pdf_page_busy": (
        "{where} has more than {limit} characters, lines and pictures and was not read; is it a drawing or a scanned "
        "page?"),
    "import.limit.objects": "the PDF has more than {limit} characters, lines and pictures; reading stopped at {where}",
    "import.sheet_missing": "{where} is missing from the workbook and was left out",
    # --- what a file that is not a regular file is (the {kind} of file.not_regular)
    "file.kind.fifo": "a named pipe (FIFO)",
    "file.kind.device": "a device",
    "file.kind.socket": "a socket",
    "file.kind.other": "not a regular file",
    # --- the command line: what it prints
    "cli.error": "{prog}: error: {message}",
    "cli.default": " (default for funders without a form of their own)",
    "cli.form_for": " – for {funder}",
    "cli.render_needs_budget": (
        "grantcalc render: name a budget file, e.g. grantcalc render budget.yaml -o application.docx"),
    "cli.wrote_document": "Wrote {path} (template: {template})",
    "cli.wrote": "Wrote {path}",
    "cli.created": "Created {path}. Fill it in and run: grantcalc show {path}",
    # --- the command line: its help
    "cli.description": (
        "Compute, check and write the budget of a grant application (samordningsförbund, ESF, Arvsfonden)."),
    "cli.metavar.command": "COMMAND",
    "cli.metavar.budget": "BUDGET",
    "cli.metavar.file": "FILE",
    "cli.metavar.template": "TEMPLATE",
    "cli.help.version": "show the version and exit",
    "cli.help.budget": "budget file (.yaml, .toml, .json; - for standard input)",
    "cli.help.budgets": "budget files (.yaml, .toml, .json; - for standard input)",
    "cli.help.lang": "language (default: the budget's, else {default})",
    "cli.help.force": "overwrite FILE if it exists",
    "cli.show.help": "show the cost budget per budget year",
    "cli.show.description": "Show the cost budget per budget year with its sums.",
    "cli.show.by": "one row per cost line (line) or per category (category)",
    "cli.show.formulas": "show the formula behind every amount, year by year",
    "cli.check.help": "check budgets: balance with the financing, stated figures, plausibility",
    "cli.check.description": (
        "Compute and check budgets: costs against financing year by year, the amount applied for, the amounts and "
        "formulas the application states, salary raises, months, the activity plan. Exit status 0: everything "
        "balances and no errors; 1: errors (with --strict also warnings); 2: a file cannot be read or is invalid."),
    "cli.check.format": (
        "text (the default), json or github (GitHub Actions annotations; chosen by itself under GitHub Actions)"),
    "cli.check.strict": "warnings count as errors (exit status 1)",
    "cli.check.implied": "also show what stated lump sums imply (e.g. the on-cost factor behind a sum of salaries)",
    "cli.new.help": "create a new budget file to fill in",
    "cli.new.description": "Create a new budget file with comments in Swedish, ready to fill in.",
    "cli.new.output": "the new budget file, e.g. budget.yaml",
    "cli.render.help": "write the application as a Word document (the form or a template of your own)",
    "cli.render.description": (
        "Write the application as a Word document (.docx) from the budget: the samordningsförbund's form (the "
        "default), the budget justification Projektets ekonomi, or a .docx template of your own with fields such as "
        "{{{{ project.name }}}}. Every amount comes from the computation."),
    "cli.render.output": "the Word document to write (default: BUDGET with .docx)",
    "cli.render.template": (
        "a built-in template (see --list-templates) or a .docx template of your own (default: the funder's own form, "
        "else samordningsforbund)"),
    "cli.render.no_charts": "without charts",
    "cli.render.list_templates": "list the built-in templates and exit",
    "cli.render.fields": "list the fields a template of your own can use (with values when BUDGET is given) and exit",
    "cli.export.help": "write the budget as an Excel workbook (.xlsx) or CSV",
    "cli.export.description": (
        "Write the budget as an Excel workbook (.xlsx) with the sheets Costs, Financing, Computation and Findings, "
        "where every Total and Sum is a formula that recomputes when you change an amount; or as CSV (.csv) with "
        "one row per cost line and budget year. The suffix of -o chooses the format."),
    "cli.export.output": "the file to write, .xlsx or .csv (default: BUDGET with .xlsx in the current folder)",
    "cli.export.csv_dialect": (
        "the CSV file's form: swedish (default) for a Swedish Excel or LibreOffice, with semicolons, "
        "decimal commas and UTF-8 with a BOM; machine for programs, with commas, decimal points and UTF-8"),
    "cli.schema.help": "write the JSON Schema of the budget file",
    "cli.schema.description": "Write the budget file's JSON Schema (for editors: completion and typos).",
    "cli.schema.output": "write to FILE instead of standard output",
    # --- after the grant: the outcome (utfall), participants, revised budgets (grantcalc followup, diff)
    "invalid.period": (
        "{value!r} is not a period: write a year (2024), a quarter (2024Q3), a month (2024-09), a day (2024-09-30) "
        "or a fiscal year (2024/25)"),
    "participants.gender_share": "the shares of women ({women}) and men ({men}) add up to {sum}, more than 100%",
    "participants.places_people": (
        "{year}: {people} participants and {places} places {basis} do not fit: the places hold from {places} "
        "participants (each for the whole year) to {most} in the year; fewer leave places empty"),
    "participants.basis.year": "on a yearly basis",
    "participants.basis.half_year": "on a half-yearly basis",
    "participants.places_lines": (
        "{year}: the participants state {places} places, but the budget's places lines pay for {paid}"),
    "participants.total_people": (
        "{people} different participants in all do not fit the years: at least {most} (the largest year) and at "
        "most {sum} (all the years' participants together)"),
    "followup.ledger_encoding": (
        "the file is not saved as UTF-8 and was read as {encoding}; check å, ä and ö in the line names, or save the "
        "file as UTF-8"),
    "followup.ledger_empty": "the file has no outcome rows: write one row per amount, line;period;amount",
    "followup.csv_syntax": "CSV error: {reason}",
    "followup.csv_columns": (
        "the row has {found} of the {needed} columns needed: line{separator}period{separator}amount"),
    "followup.csv_line": "the row has no line (the first column)",
    "followup.csv_period": (
        "{value!r} is not a period: write a year (2024), a quarter (2024Q3), a month (2024-09) or a day "
        "(2024-09-30)"),
    "followup.csv_amount_swedish": (
        "{value!r} is not an amount; in a file separated by semicolons decimals take a comma, e.g. 1 234,50"),
    "followup.csv_amount_machine": (
        "{value!r} is not an amount; in a file separated by commas decimals take a point and no thousands "
        "separator, e.g. 1234.50"),
    "followup.csv_decimal_comma": (
        "the amount {value!r} has a decimal comma in a file whose fields are separated by commas, so the öre became "
        "a column of their own: write 1234.50, or separate the fields with semicolons"),
    "followup.csv_too_large": "{value!r} is unreasonably large (at most {limit})",
    "followup.csv.line": "line, cost line, account, category",
    "followup.csv.period": "period, month, date, year, quarter",
    "followup.csv.amount": "amount, actual, sum, value",
    "followup.csv.note": "note, text, voucher, description, comment",
    "followup.unknown_line": (
        "outcome on {name!r}, which is neither a cost line, a category nor a funder of the budget{hint}; the amount "
        "is not counted"),
    "followup.unknown_funder": (
        "a payment from {name!r}, which is not a funder of the budget{hint}; the amount is not counted; the "
        "funders: {known}"),
    "followup.outside_period": (
        "outcome for {period} lies outside the project period {start} – {end}; the amount is not counted"),
    "followup.period_spans_years": (
        "the period {period} spans several budget years ({years}): give a quarter, a month or a day; the amount is "
        "not counted"),
    "followup.after_as_of": "outcome for {period} ({amount}) lies after the as-of date {as_of} and is not counted",
    "followup.credit": "{name}, {period}: {amount} is a credit (a negative outcome) and is deducted",
    "followup.no_actuals": (
        "no outcome to follow up: add actuals: to the budget file or give a ledger with --actuals FILE"),
    "followup.line_over": "{line}, {year}: the outcome {actual} is over the budget {budget} (by {excess})",
    "followup.category_over": (
        "{category}, {year}: the category's outcome {actual} is over the budget {budget} (by {excess})"),
    "followup.year_over_ceiling": (
        "{year}: the year's outcome {actual} is over the {budget} granted (by {excess}); the granted amount is a "
        "ceiling, paid against actual costs within it"),
    "followup.total_over": "in all: the outcome {actual} is over the whole granted budget {budget} (by {excess})",
    "followup.faster_than_time": (
        "by {as_of} {time} of the time has passed but {used} of the money is used ({actual} of {budget}); at this "
        "rate the project costs {forecast}, {excess} over budget"),
    "followup.financing_received": "{funder} has paid {received} by {as_of}, {share} of its budget {budget}",
    "followup.financing_over": (
        "{year}: {funder} has paid {received}, more than the financing budget's {budget} for the year (by {excess})"),
    "followup.received_over_costs": (
        "{received} received by {as_of}, but the outcome is {actual}: {excess} is unused and may have to be paid "
        "back"),
    "followup.participants_below": "{year}: {people} participants reached of {planned} planned",
    "followup.as_of": "--as-of {value!r} is not a date: write yyyy-mm-dd, e.g. 2025-06-30",
    "followup.word.amounts_in": "amounts in SEK",
    "followup.word.source_python": "outcome given in Python",
    "followup.word.as_of_line": "Follow-up to {as_of} · outcome: {source}",
    "followup.word.line": "Cost line",
    "followup.word.category": "Category",
    "followup.word.year": "Budget year",
    "followup.word.budget": "Budget",
    "followup.word.actual": "Outcome",
    "followup.word.difference": "Difference",
    "followup.word.used": "Used",
    "followup.word.sum": "Sum",
    "followup.word.total": "Total",
    "followup.word.per_year": "Per budget year",
    "followup.word.time_money": (
        "Time and money to {as_of}: {elapsed} of {months} months have passed ({time}); {actual} of {budget} is used "
        "({used})."),
    "followup.word.to_date": "The budget to {as_of} is {budget}; the outcome differs from it by {difference}.",
    "followup.word.at_rate": (
        "Forecast at the current rate to the end of the period: {forecast} ({difference} against the budget)."),
    "followup.word.funder": "Funder",
    "followup.word.received": "Received",
    "followup.word.financing_received": "Financing: received against budget",
    "followup.word.participants": "Participants and cost per participant",
    "followup.word.people": "Participants",
    "followup.word.places": "Places",
    "followup.word.per_participant": "SEK/participant",
    "followup.word.per_place": "SEK/place",
    "followup.word.people_reached": "Reached",
    "followup.word.actual_per_participant": "Outcome/participant",
    "followup.word.no_findings": "No findings.",
    "followup.word.whole_category": "the whole category",
    "followup.word.chart_years": "Budget and outcome per budget year",
    "followup.word.chart_cumulative": "Cumulative, outcome to {as_of}",
    "followup.word.diff_line": "{old} → {new} · amounts in SEK · rules: {profile}",
    "followup.word.old": "before",
    "followup.word.new": "after",
    "followup.word.no_profile": "none",
    "followup.word.changes": "Changes",
    "followup.word.field": "Field",
    "followup.word.before": "Before",
    "followup.word.after": "After",
    "followup.word.no_changes": "No changes.",
    "followup.word.line_added": "(new line)",
    "followup.word.line_removed": "(line removed)",
    "followup.word.funder_added": "(new funder)",
    "followup.word.funder_removed": "(funder removed)",
    "followup.word.renamed": "(renamed)",
    "followup.word.effect": "Effect per cost line and budget year (after − before)",
    "followup.word.per_category": "Per category (after − before)",
    "followup.word.totals": "Sum per budget year",
    "followup.word.financing_change": "The financing's change (after − before)",
    "followup.word.no_rules": "No findings; the revision was judged by no funder's rules.",
    "followup.word.change": "Change",
    "followup.word.rules_kept": "The revision keeps the rules of {profile}.",
    "diff.period_changed": "the period has changed, {old} → {new}: the budget years are compared year by year",
    "diff.total_grows": (
        "the total grows from {old} to {new} (by {excess}); under the rules of {profile} the granted total may not "
        "be exceeded"),
    "diff.between_years": (
        "{year}: {old} → {new} ({difference}); under the rules of {profile} money may only be moved within a budget "
        "year"),
    "diff.moved_earlier": (
        "{to} grows by {increase} while the later {source} shrinks by {decrease}: money moved to an earlier year, "
        "which the rules of {profile} do not allow"),
    "diff.line_moved_earlier": (
        "{line}: {to} grows by {increase} while the later {source} shrinks by {decrease}: money moved to an earlier "
        "year, which the rules of {profile} do not allow"),
    "diff.unbalanced": (
        "the revised budget's costs {costs} and financing {financing} do not balance (financing \u2212 costs = "
        "{difference}): revise the financing too, and run grantcalc check"),
    "diff.category_moved": (
        "{category}: {old} → {new} ({difference}, {share} of the category); the rules of {profile} allow at most "
        "{limit}"),
    "diff.unknown_profile": "unknown rules profile {name!r}{hint}; known: {known}",
    "diff.bad_revision": "the revision {rev!r} does not exist in the git repository",
    "diff.git_missing": "--rev {rev} needs git, but git is not installed",
    "diff.not_git": (
        "the file is not in a git repository, so --rev {rev} cannot be used; compare two files: grantcalc diff OLD "
        "NEW"),
    "diff.git_timeout": "git show {rev} did not answer within {seconds} seconds",
    "diff.git_failed": "git show {rev} failed: {reason}",
    "diff.not_in_revision": "the file does not exist in the revision {rev}",
    "diff.rev_and_two": (
        "give either two files (grantcalc diff OLD NEW) or one file and --rev (grantcalc diff budget.yaml --rev "
        "HEAD~1), not both"),
    "diff.needs_two": "give two budget files to compare, or one file and --rev: grantcalc diff OLD NEW",
    "diff.rev_stdin": "--rev compares a file with its version in git; standard input cannot be used",
    "cli.metavar.date": "DATE",
    "cli.metavar.old": "OLD",
    "cli.metavar.new": "NEW",
    "cli.metavar.rev": "REV",
    "cli.metavar.profile": "PROFILE",
    "cli.followup.help": "follow up the outcome against the budget",
    "cli.followup.description": (
        "Compare the outcome (actuals: in the budget file, or a ledger as CSV) with the budget line by line and "
        "year by year: difference, share used, time against money, forecast, financing received and cost per "
        "participant. Exit status 0: no errors; 1: errors (a year over the amount granted, outcome on an unknown "
        "line or outside the period; with --strict warnings too); 2: a file unreadable or invalid."),
    "cli.followup.actuals": "the outcome as CSV (line;period;amount), instead of the budget file's actuals:",
    "cli.followup.as_of": "the follow-up date yyyy-mm-dd (default: the last day of the latest period with outcome)",
    "cli.diff.help": "compare two versions of a budget (a revision against the granted one)",
    "cli.diff.description": (
        "Show what changed between two versions of a budget – lines added, removed or renamed, parameters before "
        "and after – and the effect per line, year, category and funder, judged by the funder's rules on "
        "revisions. Exit status 0: the rules are kept; 1: a rule is broken; 2: a file unreadable."),
    "cli.diff.old": "the granted budget (with --rev: the file to compare with its version in git)",
    "cli.diff.new": "the revised budget",
    "cli.diff.rev": "compare the file with its version in the git revision REV, e.g. HEAD~1",
    "cli.diff.format": "text (default) or json",
    "cli.diff.profile": (
        "the funder's rules: samordningsforbund, arvsfonden or none (default: by the granted budget's funder)"),
    "cli.diff.rules": "rules profiles of your own in a YAML file (the form of the built-in rules.yaml)",
    # --- rates (grantcalc.rates): the shipped rates, their words and sources, and what check finds
    "rates.note": "({title} {year}: {rate}, {source})",
    "rates.note.plus": "{rate} + {plus}",
    "rates.title.arbetsgivaravgift": "employer's social fees",
    "rates.title.arbetsgivaravgift-aldre": "employer's social fees, older employees",
    "rates.title.arbetsgivaravgift-unga": "employer's social fees, young employees",
    "rates.title.po-palagg-kommun": "PO on-cost, municipalities",
    "rates.title.po-palagg-region": "PO on-cost, regions",
    "rates.title.eu-timmar": "hours a year for the hourly rate (EU)",
    "rates.title.eu-schablon-indirekta": "flat rate for indirect costs (EU)",
    "rates.title.eu-schablon-ovriga": "flat rate for the other costs (EU)",
    "rates.title.tillvaxtverket-upprakning": "Tillväxtverket's yearly raise of the unit cost",
    "rates.title.avtalsvarde-industrin": "agreed raise, the industry's agreements (the benchmark)",
    "rates.title.finsam-staten": "Finsam: the state's share",
    "rates.title.finsam-region": "Finsam: the region's share",
    "rates.title.finsam-kommuner": "Finsam: the municipalities' share",
    "rates.title.lonekostnadspalagg-staten": "the state's salary on-cost (LKP)",
    "rates.condition.arbetsgivaravgift": "the full fee: born 1959 or later",
    "rates.condition.arbetsgivaravgift-aldre": "born 1938–1958: the old-age pension fee only",
    "rates.condition.arbetsgivaravgift-unga": (
        "those who at the start of the year are 18 but not 23, on pay up to SEK 25,000 a calendar month"),
    "rates.condition.po-palagg-kommun": (
        "statutory fees, agreed insurances and agreed pensions: SKR's average for municipalities"),
    "rates.condition.po-palagg-region": (
        "statutory fees, agreed insurances and agreed pensions: SKR's average for regions"),
    "rates.condition.eu-timmar": "hourly rate = annual gross employment cost / 1,720 hours (full time)",
    "rates.condition.eu-schablon-indirekta": "of the direct staff costs, for the indirect costs",
    "rates.condition.eu-schablon-ovriga": "of the direct staff costs, for every other cost",
    "rates.condition.tillvaxtverket-upprakning": "the hourly unit cost is raised every twelve months",
    "rates.condition.avtalsvarde-industrin": (
        "the agreements' value per year, which the rest of the labour market follows"),
    "rates.condition.finsam-staten": "of the coordination association's funds, through Försäkringskassan",
    "rates.condition.finsam-region": "of the coordination association's funds",
    "rates.condition.finsam-kommuner": "of the coordination association's funds, shared among the municipalities",
    "rates.heading": "Rates with their sources: value, validity, source and when the value was last checked in it",
    "rates.heading_year": "Rates for {year}: value, validity, source and when the value was last checked in it",
    "rates.span": "{start} – {end}",
    "rates.verified": "checked {day}",
    "rates.given": "given by {given}; not checked in the source",
    "rates.none_yet": "no value for {year} (the first holds from {first})",
    "rates.beyond": "no value known for {year} (last for {last}); a budget takes the latest:",
    "rates.seen": "also read: {text}",
    "rates.own_file": "from {path}",
    "rates.missing_heading": "Not included (no source was found) – give them in the budget:",
    "rates.where": "see {where}",
    "rates.unknown": "unknown rate {name!r}{hint}; on-costs there are: {known}",
    "rates.no_such": "no rate is called {name!r}{hint}; those there are: {known}",
    "rates.not_on_cost": (
        "the rate {name!r} is of the kind {kind} and cannot be an on-cost on pay: use an employer's fee or a "
        "PO on-cost (grantcalc rates)"),
    "rates.before_first": "the rate {name!r} has no value for {year}: the first holds from {first}",
    "rates.file_missing": "the rate file {path} does not exist (project.rates is read from the budget file's folder)",
    "rates.kind_changed": "the rate {name!r} is of the kind {shipped} among grantcalc's rates, not {kind}",
    "rates.unbound": (
        "the rate {name!r} is to be read in the budget's own rate file (project.rates), which has not been read "
        "yet: read the budget with grantcalc.load or call budget.located(None)"),
    "rates.not_mapping": "a rate file consists of the keys rates: and missing:",
    "rates.beyond_verified": (
        "{line}, {year}: {title} has no known value for {asked} (last for {last}); the latest, {value} from "
        "{start}, is used. Give the year's value in a rate file of your own (project.rates) or a year with a "
        "known value (year:)"),
    "rates.on_cost_differs": (
        "{line}, {year}: the on-cost {factor} lies more than {points} percentage points from the year's PO "
        "on-costs – {compared}. Compared with rates of the same kind (complete on-costs: fees, insurances and "
        "pensions), not with the employer's fee alone"),
    "invalid.rates_range": "to ({end}) lies before from ({start})",
    "invalid.rates_unsourced": "give verified (the day the value was read in its source) or given (who gave it)",
    "invalid.rates_overlap": "the values overlap: the one from {start} starts before the one before it ends",
    # --- funder profiles (grantcalc.profiles) and their rules in check
    "profile.name.esf-plus": "ESF+ (Swedish ESF Council)",
    "profile.name.arvsfonden": "the General Inheritance Fund (Arvsfonden)",
    "profile.name.samordningsforbund": "coordination association (Finsam)",
    "profile.name.amif": "AMIF (Swedish Migration Agency)",
    "profile.source.call": "the call's longest duration, project.call.max_months",
    "profile.source.esf-plus.max_months": (
        "ESF+ calls' usual longest project duration, not checked in a source: see the call, which may set "
        "another in project.call.max_months"),
    "profile.source.arvsfonden.max_years": (
        "Kammarkollegiet: a project can get support from Arvsfonden for at most three years"),
    "profile.max_months": "{profile}: the project is {months} months; it may be at most {max} ({source})",
    "profile.not_hourly": (
        "{profile}: {line} is to be budgeted as hours × an hourly rate from the monthly salary (monthly × 12 / "
        "1,720): give hours instead of fte"),
    "profile.hourly_rate": (
        "{profile}: {line} states an hourly rate; the hourly rate is to be worked out from the monthly salary "
        "(monthly × 12 / 1,720)"),
    "profile.hours_per_year": "{line}: the hourly rate is counted on {hours} hours a year ({source}), not {value}",
    "profile.flat_rate": "{profile}: {line} is {rate}, none of the flat rates {allowed}",
    "profile.flat_rate_base": (
        "{profile}: the flat rate {line} is counted on the staff costs: of: {{categories: [staff]}}"),
    "profile.flat_rate_other_costs": (
        "{line}: with the flat rate {flat} ({rate} of the staff costs, {source}) every cost but the staff is "
        "covered: remove the line"),
    "profile.flat_rates_combined": (
        "{line}: the flat rate {flat} ({rate}) covers the indirect costs too: remove the line"),
    "profile.co_financing_missing": (
        "{profile}: give the call's co-financing in project.call.co_financing, e.g. \"46 %\" (it may be neither "
        "exceeded nor undercut)"),
    "profile.co_financing": (
        "{profile}: the co-financing is {actual} of the costs ({others} of {costs}); the call requires {required} "
        "({expected}), which may be neither exceeded nor undercut"),
    "profile.project_years": "{profile} budgets by project year: give period.budget_years: project",
    "profile.max_years": (
        "{profile}: the project has {years} project years; support is given for at most {max} ({source})"),
    "profile.ceiling": "{profile}: the amount applied for, {amount}, is {excess} more than the granted {cap}",
    "profile.ceiling_year": "{profile}: {year} applies for {amount}, {excess} more than the granted {cap} a year",
    # --- the portfolio (grantcalc portfolio)
    "portfolio.title": "Portfolio: {count} projects · per calendar year · amounts in SEK",
    "portfolio.html_title": "Portfolio",
    "portfolio.applied_heading": "Amount applied for",
    "portfolio.cost_heading": "Cost",
    "portfolio.cofinancing_heading": "Co-financing (financing beyond the amount applied for)",
    "portfolio.participants_heading": "Participants (planned)",
    "portfolio.insats": "Project",
    "portfolio.total": "Total",
    "portfolio.sum": "Sum",
    "portfolio.frame": "Frame",
    "portfolio.left": "Left",
    "portfolio.members_heading": "The members' contributions ({basis})",
    "portfolio.basis.frame": "of the frame",
    "portfolio.basis.applied": "of the sum applied for",
    "portfolio.member": "Member",
    "portfolio.group": "Party",
    "portfolio.share": "Share",
    "portfolio.group.state": "the state",
    "portfolio.group.region": "the region",
    "portfolio.group.kommun": "municipality",
    "portfolio.findings_heading": "Findings per project",
    "portfolio.findings_line": "{name} ({file}): errors {errors}, warnings {warnings}, info {infos}",
    "portfolio.unreadable": "{file}: cannot be read (see the messages above)",
    "portfolio.sheet.portfolio": "Portfolio",
    "portfolio.sheet.members": "Members",
    "portfolio.sheet.findings": "Findings",
    "portfolio.excel_money": "#,##0",
    "portfolio.scheme.project": "project years",
    "portfolio.scheme.fiscal": "fiscal years",
    "portfolio.scheme.calendar": "calendar years",
    "portfolio.year_moved": (
        "{name} is budgeted by {scheme}: each budget year's amounts count in the calendar year the budget year "
        "starts in"),
    "portfolio.over_frame": "{year}: the projects apply for {amount}, more than the frame {cap} ({difference})",
    "portfolio.frame_value": "--frame {value!r}: write YEAR=AMOUNT, e.g. 2025=4000000",
    "portfolio.members_shares": "the members' shares are {sum} together, not 100%",
    "invalid.members_key": "{name}: has no {key} (a number above 0)",
    "portfolio.needs_output": "xlsx is written to a file: give -o, e.g. -o portfolio.xlsx",
    # --- the command line: rates and portfolio
    "cli.metavar.name": "NAME",
    "cli.metavar.year": "YEAR",
    "cli.metavar.frame": "YEAR=AMOUNT",
    "cli.rates.help": "show the rates (employer's fees, PO on-costs, the EU flat rates …) with source and dates",
    "cli.rates.description": (
        "Show the rates grantcalc ships: every value with the days it holds, its source and the day it was last "
        "checked in the source, and the rates not shipped (no source was found) with where to find them. A "
        "budget uses a rate like this: on_cost: {{rate: arbetsgivaravgift, year: 2026}}."),
    "cli.rates.name": "only the rate NAME (with where else the figure was read)",
    "cli.rates.year": "only the values that hold in YEAR",
    "cli.rates.file": "a rate file of your own (YAML) laid over grantcalc's, as project.rates in a budget",
    "cli.rates.format": "text (default) or json",
    "cli.portfolio.help": "a coordination association's projects per year against its frame",
    "cli.portfolio.description": (
        "Show the projects together per calendar year: amount applied for, cost, co-financing and participants, "
        "the sum against the association's frame and what is left, the members' contributions (the state 50%, "
        "the region 25%, the municipalities 25% shared by the members file's key) and each project's findings. "
        "Exit status 0: no error; 1: a project has an error or a year is over the frame (with --strict, warnings "
        "too); 2: a file cannot be read."),
    "cli.portfolio.frame": "the association's frame per year: YEAR=AMOUNT, e.g. --frame 2025=4000000 2026=4100000",
    "cli.portfolio.members": "the members (YAML): the state, the region and the municipalities with their key",
    "cli.portfolio.format": "text (default), json, html or xlsx (xlsx needs -o)",
    "cli.portfolio.output": "write to FILE instead of the screen",
    # --- argparse's own words, as the command line prints them (its usage line, headings, errors)
    "argparse.usage": "usage: ",
    "argparse.positional": "positional arguments:",
    "argparse.options": "options:",
    "argparse.help": "show this help message and exit",
    "argparse.required": "the following arguments are required: {a}",
    "argparse.unrecognized": "unrecognized arguments: {a}",
    "argparse.invalid_choice": "argument {name}: invalid choice: {value} (choose from {choices})",
    "argparse.expected_one": "argument {name}: expected one argument",
    "argparse.ambiguous": "ambiguous option: {option} could match {matches}",
    "argparse.argument": "argument {name}: {message}",
    # import: what an imported application was recognised as (grantcalc.importer)
    "import.place.sheet": "sheet {value}",
    "import.place.page": "page {value}",
    "import.place.table": "table {value}",
    "import.place.row": "row {value}",
    "import.place.line": "line {value}",
    "import.place.cell": "cell {value}",
    "import.place.paragraph": "paragraph {value}",
    "import.too_many_rows": "the document has more than {n} lines and table rows; the rest was not read",
    "import.name_from_first_line": ("the project's name is not under a label such as “Insatsens namn”; the document's"
                                    " first line is taken as its name"),
    "import.cell_unread": "the cell “{text}” is no amount and was not read",
    "import.row_ambiguous": ("the row “{text}” cannot be split into amounts per year unambiguously and was not read; "
                             "enter it by hand"),
    "import.line_unread": "the line “{text}” has no amount and was not read",
    "import.line_twice": "{line} is given twice for {year}; the later line counts",
    "import.period_from_years": ("the document states no period; the budget years give {start} – {end}: correct period "
                                 "if it is another"),
    "import.period_missing": "the document states no period; {start} – {end} is set instead: give the right period",
    "import.period": "the period {start} – {end}",
    "import.project_years": "the budget years are project years (År 1, År 2 …): budget_years: project",
    'import.proration': "the formulas' months in part years are given by proration: {rule}",
    'import.months': "for {year} the document counts {months} months, not the period's: period.months states them",
    "import.rounding_down": "the formulas whose product has öre ({n} of them) drop them: rounding: mode down",
    "import.rounding_up": "the formulas whose product has öre ({n} of them) round up: rounding: mode up",
    "import.category_guessed": "the document gives no cost categories; they are chosen from the lines' names: {lines}",
    "import.line_in_kind": "{line}: paid in kind by {party}",
    "import.line_no_amounts": "{line}: no amounts are given for the line",
    "import.line_factors": "{line}: {how}",
    "import.explicit_formula": ("{line}: the formulas do not give the amounts printed; the amounts are taken as printed"
                                " and check audits the formulas"),
    "import.explicit_amounts": ("{line}: the amounts follow no salary, monthly cost or one-off cost that gives them "
                                "all; they are taken as printed"),
    "import.how.salary": "salary {monthly_salary} kr/month × {on_cost} × {fte}",
    "import.how.recurring": "{amount} per {per}",
    "import.how.per_unit": "{unit_cost} kr × {count} {unit} per {per}",
    "import.how.one_off": "one-off cost {amount} in {year}",
    "import.how.places": "{places} places at {price} kr per {per_places} places a year",
    "import.per.month": "month",
    "import.per.year": "year",
    "import.how.by_year": "; own values for {years}",
    "import.financing": "the financing budget has {n} funders",
    "import.financing_none": "the document has no financing budget: the funder covers the costs",
    "import.plan_line": "the activity {activity} is paid from the cost line {line}",
    'import.name_missing': "the project's name was not found; “Ansökan” is set: give the name",
    "import.no_budget": ("no cost budget found: no rows with amounts under years (År 2024, 2025 …) or with formulas; "
                         "check that the document holds the budget as a table or text"),
    "import.report.summary": ("Imported from {source} ({kind}): {lines} cost lines, {factors} with factors and "
                              "{explicit} with amounts as printed; {figures} stated figures to audit."),
    "import.kind.docx": "Word",
    "import.kind.xlsx": "Excel",
    "import.kind.pdf": "PDF",
    "import.kind.text": "text",
    "cli.import.help": "import an application (Word, Excel, PDF or text) into a budget file",
    "cli.import.description": ("Reads an application as .docx, .xlsx, .pdf or text (- for standard input) and writes "
                               "a budget file with every figure of the document as a stated figure, so grantcalc "
                               "check audits the document against its own factors. The report says what was "
                               "recognised as what and what could not be read."),
    "cli.import.source": "the application to import: .docx, .xlsx, .pdf, .txt/.md or - for standard input",
    "cli.import.output": ("the budget file to write (default: the application's name with .yaml; - writes to standard"
                          " output)"),
    "cli.import.written": "Wrote {path}. Review it and run: grantcalc check {path}",
    "import.stated_rate": ("{line}: the document states the share {rate} for a fixed amount; check tests it against the"
                           " other costs"),
    "import.unit": ("the amounts are in {unit}: each figure of the tables is {factor} kr a unit and is written in "
                    "kronor"),
    "import.explicit_formula.short": ("the amounts as printed: the formulas do not give them (check audits the "
                                      "formulas)"),
    "import.explicit_amounts.short": "the amounts as printed",
    "import.fit_bound": "after {n} lines computed, the rest, from {line}, keep their amounts as printed",
    "import.too_many_lines": "the document has more than {n} cost lines; the rest, from this one, was not read",
    "import.and_more": " and {n} more",
    "import.output_is_source": ("the budget file would overwrite the application it is read from; give another "
                                 "file with -o"),
    "import.yaml.header": ("Budget file imported from {source} by grantcalc import.\nReview it against the import "
                           "report and the document; then run grantcalc check."),
}
