// The words a file's problems and remarks are told in, by code (see src/lib/notice.ts), and the
// few words around them: where in the file, a record kind, a tab. Apart from the interface's
// catalogue (messages.ts, which includes these) so that the import worker, which words every
// bad row in English for the error report, does not carry the whole interface in two languages.

export const problemsEn = {
  'kind.factories': 'factories',
  'kind.production': 'production',
  'kind.exchanges': 'exchanges',
  'import.where': 'Row {row}',
  'import.whereColumn': 'Row {row}, column “{column}”',
  // Problems and remarks about a file, by code (src/lib/notice.ts). Quoted values are cut to 60 characters.
  'problem.fatal-excel':
    'This is an Excel workbook (or another zip file), not CSV; open it in Excel and save it as CSV.',
  'problem.fatal-binary': 'This is a binary file, not text: it has a NUL byte near byte {at}.',
  'problem.fatal-binary-text':
    'This is a binary file, not text: it has a NUL character at character {at}.',
  'problem.fatal-empty': 'The file is empty: it has no header row.',
  'problem.fatal-bad-header-row':
    'The header row must be a whole number from 1 to {max}, not {row}.',
  'problem.fatal-no-header-row':
    'The file has only {rows} {rows|row|rows}, so row {row} cannot be its header.',
  'problem.fatal-xls':
    'This is an Excel 97–2003 workbook (.xls), which Loom does not read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV.',
  'problem.fatal-xlsm':
    'This is a macro-enabled workbook (.xlsm), which Loom does not open; save it as an Excel workbook (.xlsx) or as CSV.',
  'problem.fatal-ods':
    'This is an OpenDocument spreadsheet (.ods), which Loom does not read; save it as an Excel workbook (.xlsx) or as CSV.',
  'problem.fatal-not-workbook':
    'This is a zip file, but not an Excel workbook: Loom reads .xlsx workbooks and CSV files.',
  'problem.fatal-bad-workbook': 'This workbook cannot be read ({detail}); it may be damaged.',
  'problem.fatal-workbook-too-large':
    'This workbook’s sheets hold {mb} MB of data, past the {max} MB Loom reads from a workbook; save the sheet as CSV, which Loom reads at any size.',
  'problem.fatal-no-sheet': 'The workbook has no sheet “{sheet}”; its sheets are {sheets}.',
  'problem.sheet-chosen':
    'Read from sheet “{sheet}”, the one of its {n} sheets that looks like data; choose another under Sheet.',
  'problem.header-below-title': 'Header on row {row}; row 1 looks like a title.',
  'problem.header-below-titles': 'Header on row {row}; rows 1–{last} look like titles.',
  'problem.totals-row': 'Row {row} looks like a totals row ({label}): left out.',
  'problem.decimal-comma':
    'Numbers are written with a decimal comma: 3.000 is read as three thousand and 2,5 as two and a half.',
  'problem.totals-sum':
    'Row {row} looks like a subtotal: its counts are the sum of rows {from}–{to}. Left out.',
  'problem.totals-more': '{n} more {n|row looks|rows look} like totals: left out.',
  'problem.totals-kept':
    '{n} {n|row that looks like a total was|rows that look like totals were} kept, as chosen: {n|it counts as a lot|they count as lots}.',
  'problem.fatal-too-many-columns': 'The header has {columns} columns; Loom reads at most {max}.',
  'problem.fatal-encoding':
    'The bytes near byte {at} are not valid {encoding}; they look like {likely}. Choose {likely} or another encoding.',
  'problem.fatal-unknown-encoding':
    'Loom does not read the encoding “{encoding}”; it reads {list}.',
  'problem.fatal-bad-delimiter':
    '“{delimiter}” cannot be a delimiter: it must be one character, not a quote or a line break.',
  'problem.fatal-unknown-kind':
    '“{kind}” is not a kind of record Loom reads: choose factories, production or exchanges.',
  'problem.read-as':
    'The bytes near byte {at} are not valid UTF-8, so the file was read as {encoding}. If its text looks wrong, choose another encoding.',
  'problem.guessed-encoding':
    'The file is not UTF-8; it was read as {encoding}. If its text looks wrong, choose another encoding.',
  'problem.fatal-unclosed-quote':
    'Row {row} opens a quoted field that never closes; nothing after it can be read.',
  'problem.fatal-bad-quote':
    'Row {row} has a quote in the middle of a field; quotes inside a field must be doubled ("").',
  'problem.fatal-field-too-long':
    'Row {row} runs over 1 MB: a field that long is almost always an unclosed quote.',
  'problem.fatal-ragged':
    "{bad} of the first {rows} rows do not have {width} fields like the header: the file's structure is broken. Check the delimiter (“{delimiter}”) and the quotes.",
  'problem.fatal-no-rows': 'The file has a header row but no data rows.',
  'problem.fatal-too-many-products':
    'This row brings the file past {max} distinct products, the most one production file may hold. Split the file.',
  'problem.fatal-too-many-months':
    'This row brings the file past {max} distinct periods (months, or quarters and years reported as such), the most one production file may hold. Split the file.',
  'problem.needs-kind':
    'Loom cannot tell from the headers ({headers}) whether this file holds factories, production or exchanges. Choose the kind.',
  'problem.needs-mapping': 'No column for {fields}, which {kind} files need. Map a column to each.',
  'problem.field-count': 'This row has {fields} fields; the header has {width}.',
  'problem.missing': '“{field}” is empty; every row needs one.',
  'problem.not-a-number': '“{cell}” is not a number.',
  'problem.not-whole': '“{cell}” is not a whole number.',
  'problem.rate-range': '“{cell}” is not a rate from 0 to 1 (0% to 100%).',
  'problem.rate-disagrees':
    'The rate {rate} does not match {defective} defective of {inspected} inspected ({actual}), even allowing for rounding.',
  'problem.derived-defective':
    'The file has no defective count: Loom derives it as “{rate}” × “{inspected}”, rounded to whole pieces. Check a few rows against the report; the Data page marks this import as derived.',
  'problem.negative': '“{cell}” is negative; counts cannot be.',
  'problem.too-large': '“{cell}” is too large: Loom counts exactly up to 9,007,199,254,740,991.',
  'problem.bad-date':
    '“{cell}” is not a date Loom reads; write it as 1956-08-26, 1956-08 or 1956-Q3.',
  'problem.impossible-date': '“{cell}” is not a real date.',
  'problem.year-range': '“{cell}” is not a year Loom reads: write years from 1000 to 9999.',
  'problem.ambiguous-date': '“{cell}” could be either {a} or {b}; write it as YYYY-MM-DD.',
  'problem.out-of-range': 'Inspected must be at least 1; it is {value}.',
  'problem.defective-exceeds-inspected':
    'Defective ({defective}) is more than inspected ({inspected}).',
  'problem.self-exchange': 'A factory cannot learn from itself (“{factory}”).',
  'problem.duplicate-id': '“{id}” is already used by row {row}.',
  'problem.unnamed-column': 'Column {n} has no header; it is called “{name}”.',
  'problem.repeated-header':
    'The header “{name}” appears more than once; column {n} is called “{renamed}”.',
  'problem.sep-line': 'The file starts with “sep={sep}”; that line is not data.',
  'problem.unused-columns': 'Columns Loom does not use: {columns}.',
  'problem.wide-table':
    'The {n} columns “{first}” … “{last}” look like one column per period: tick “Unpivot” to turn them into one row per period.',
  'problem.unpivoted':
    'Unpivoted the {n} period columns “{first}” … “{last}” into {rows} {rows|row|rows}; each keeps the number of its first line in the file.',
  'problem.fatal-unpivot-too-large':
    'This table is too long to unpivot: Loom unpivots up to {max} rows. Split it, or save it with one row per period.',
  'problem.placeholder':
    '1 factory is not in any factories file and was added as a placeholder: {ids}.',
  'problem.placeholders':
    '{n} factories are not in any factories file and were added as placeholders: {ids}.',
  'problem.bundle-not-json': '{file} is not a Loom bundle: it is not JSON.',
  'problem.bundle-format': '{file} is not a Loom bundle (no "format": "{format}").',
  'problem.bundle-file': '{file}, file {n}: a file needs a name, a kind and its CSV.',
  'problem.bundle-import': '{bundle}: {file} could not be imported.',
  'problem.bundle-origin': 'Loom loads bundles only from this site, not from {origin}.',
  'problem.bundle-http': 'The bundle {url} could not be loaded (HTTP {status}).',
  'problem.deck-not-json': '{file} is not a Loom deck file: it is not JSON.',
  'problem.deck-format': '{file} is not a Loom deck file (no "format": "{format}").',
  'problem.deck-shape': '{file}, deck {n}: a deck needs a name and a list of slides.',
  'problem.deck-slide': '{file}, deck {n}, slide {slide}: "url" must be a view such as "/trends".',
  'problem.export-nothing': 'There is no chart to export.',
  'problem.export-png': 'The PNG could not be made.',
  'problem.video-unsupported':
    'This browser cannot record video (it lacks MediaRecorder with WebM). Try Chrome, Edge or Firefox.',
  'problem.busy-writing':
    'Another tab or window is importing or loading data. Try again when it has finished; nothing was changed.',
  'problem.import-lost':
    'Everything was deleted in another tab while this file was importing, so nothing of it was kept. Import it again.',
  'problem.replace-lost':
    'The import that {file} was to replace was deleted or replaced meanwhile, so nothing was changed. Choose the file again.',
  'problem.quota':
    'There is not enough room in this browser’s storage for {file}: it needed about {needed} MB, and {free} MB are free. Delete data sets on the Data page to make room. Nothing of this file was kept.',
  'problem.quota-more':
    'There is not enough room in this browser’s storage for {file}: it needed more than the {free} MB that are free. Delete data sets on the Data page to make room. Nothing of this file was kept.',
  'problem.disk-full':
    'This computer’s disk is full, so {file} could not be stored. Free some disk space, or delete data sets on the Data page. Nothing of this file was kept.',
  'problem.app-updated': 'Loom was updated while this tab was open. Reload the page to continue.',
  'problem.bundle-link':
    'A bundle link must be a relative address on this site, such as data/bundle.json, not {url}.',
  'problem.deck-too-big': '{file} holds {n} slides; a deck file may hold at most {max}.',
  'problem.sample-manifest': "The sample data's manifest could not be loaded (HTTP {status}).",
  'problem.sample-file': 'The sample file {file} could not be loaded (HTTP {status}).',
  'common.tab': 'tab',
  'common.labelled': '{label}: {text}',
  // Field names, as problems name them (the mapping and the record browser use them too).
  'field.factory_id': 'Factory ID',
  'field.name': 'Name (English)',
  'field.name_zh': 'Chinese name',
  'field.industry': 'Industry',
  'field.ownership': 'Ownership',
  'field.district': 'District',
  'field.workers': 'Workers',
  'field.product': 'Product',
  'field.period': 'Period',
  'field.inspected': 'Pieces inspected',
  'field.defective': 'Defective pieces',
  'field.defect_type': 'Defect type',
  'field.shift': 'Shift',
  'field.workshop': 'Workshop',
  'field.defect_rate': 'Defect rate',
  'field.date': 'Date',
  'field.source_factory': 'Taught by (factory)',
  'field.target_factory': 'Learned by (factory)',
  'field.experience': 'Experience',
  'field.topic': 'Topic',
  'field.event': 'Event',
  'field.adopted_on': 'Adopted on',
  'field.notes': 'Notes',
  'field.industry_zh': 'Industry (Chinese)',
  'field.industry_en': 'Industry (English)',
  'field.product_zh': 'Product (Chinese)',
  'field.product_en': 'Product (English)',
  'field.defect_type_zh': 'Defect type (Chinese)',
  'field.defect_type_en': 'Defect type (English)',
  'field.experience_zh': 'Experience (Chinese)',
  'field.experience_en': 'Experience (English)',
  'field.topic_zh': 'Topic (Chinese)',
  'field.topic_en': 'Topic (English)',
} as const;

/** The keys of the problem catalogue. */
export type ProblemKey = keyof typeof problemsEn;

export const problemsZh: Record<ProblemKey, string> = {
  'kind.factories': '工厂',
  'kind.production': '生产',
  'kind.exchanges': '经验交流',
  'import.where': '第 {row} 行',
  'import.whereColumn': '第 {row} 行，“{column}”列',
  'problem.fatal-excel':
    '这是 Excel 工作簿（或其他 zip 文件），不是 CSV；请在 Excel 中打开并另存为 CSV。',
  'problem.fatal-binary': '这是二进制文件，不是文本：第 {at} 字节附近有 NUL 字节。',
  'problem.fatal-binary-text': '这是二进制文件，不是文本：第 {at} 个字符是 NUL 字符。',
  'problem.fatal-empty': '文件是空的：没有表头行。',
  'problem.fatal-bad-header-row': '表头行须为 1 到 {max} 之间的整数，而不是 {row}。',
  'problem.fatal-no-header-row': '文件只有 {rows} 行，第 {row} 行不能作表头。',
  'problem.fatal-xls':
    '这是 Excel 97–2003 工作簿（.xls），Loom 不读取；请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）或 CSV。',
  'problem.fatal-xlsm':
    '这是启用宏的工作簿（.xlsm），Loom 不打开；请另存为 Excel 工作簿（.xlsx）或 CSV。',
  'problem.fatal-ods':
    '这是 OpenDocument 电子表格（.ods），Loom 不读取；请另存为 Excel 工作簿（.xlsx）或 CSV。',
  'problem.fatal-not-workbook':
    '这是 zip 文件，但不是 Excel 工作簿：Loom 读取 .xlsx 工作簿和 CSV 文件。',
  'problem.fatal-bad-workbook': '无法读取此工作簿（{detail}），文件可能已损坏。',
  'problem.fatal-workbook-too-large':
    '此工作簿的工作表共有 {mb} MB 数据，超过 Loom 从工作簿读取的上限 {max} MB；请把工作表另存为 CSV，CSV 不受大小限制。',
  'problem.fatal-no-sheet': '工作簿中没有工作表“{sheet}”；它的工作表有 {sheets}。',
  'problem.sheet-chosen': '数据取自工作表“{sheet}”：{n} 个工作表中它最像数据；可在“工作表”中另选。',
  'problem.header-below-title': '表头在第 {row} 行；第 1 行像是标题。',
  'problem.header-below-titles': '表头在第 {row} 行；第 1–{last} 行像是标题。',
  'problem.totals-row': '第 {row} 行像是合计行（{label}）：未导入。',
  'problem.decimal-comma': '数字使用小数逗号写法：3.000 读作三千，2,5 读作二点五。',
  'problem.totals-sum': '第 {row} 行像是小计：其数量等于第 {from}–{to} 行之和。未导入。',
  'problem.totals-more': '另有 {n} 行像是合计行：未导入。',
  'problem.totals-kept': '按所选，保留了 {n} 行像是合计的行：它们按批次计入。',
  'problem.fatal-too-many-columns': '表头有 {columns} 列；Loom 最多读取 {max} 列。',
  'problem.fatal-encoding':
    '第 {at} 字节附近的字节不是有效的 {encoding}；它们看起来像 {likely}。请选择 {likely} 或其他编码。',
  'problem.fatal-unknown-encoding': 'Loom 不能读取“{encoding}”编码；可读取的编码有 {list}。',
  'problem.fatal-bad-delimiter':
    '“{delimiter}”不能作分隔符：分隔符必须是一个字符，且不是引号或换行。',
  'problem.fatal-unknown-kind': '“{kind}”不是 Loom 能读取的记录类型：请选择工厂、生产或经验交流。',
  'problem.read-as':
    '第 {at} 字节附近的字节不是有效的 UTF-8，因此文件已按 {encoding} 读取。如果文字显示不对，请选择其他编码。',
  'problem.guessed-encoding':
    '文件不是 UTF-8 编码，已按 {encoding} 读取。如果文字显示不对，请选择其他编码。',
  'problem.fatal-unclosed-quote': '第 {row} 行有一个引号字段没有闭合；其后的内容都无法读取。',
  'problem.fatal-bad-quote': '第 {row} 行的字段中间有引号；字段内的引号必须写成两个（""）。',
  'problem.fatal-field-too-long': '第 {row} 行超过 1 MB：这么长的字段几乎总是因为引号没有闭合。',
  'problem.fatal-ragged':
    '前 {rows} 行中有 {bad} 行的字段数不是表头的 {width} 个：文件结构已损坏。请检查分隔符（“{delimiter}”）和引号。',
  'problem.fatal-no-rows': '文件只有表头行，没有数据行。',
  'problem.fatal-too-many-products':
    '到这一行，文件中不同产品的数目超过了 {max} 个，这是一个生产文件最多能容纳的数目。请拆分文件。',
  'problem.fatal-too-many-months':
    '到这一行，文件中不同时期（月份，或按季度、按年上报的时期）的数目超过了 {max} 个，这是一个生产文件最多能容纳的数目。请拆分文件。',
  'problem.needs-kind':
    'Loom 无法从表头（{headers}）判断这个文件是工厂、生产还是经验交流记录。请选择类型。',
  'problem.needs-mapping': '没有对应 {fields} 的列，而{kind}文件需要它们。请为每一项指定一列。',
  'problem.field-count': '这一行有 {fields} 个字段；表头有 {width} 个。',
  'problem.missing': '“{field}”为空；每一行都需要填写。',
  'problem.not-a-number': '“{cell}”不是数字。',
  'problem.not-whole': '“{cell}”不是整数。',
  'problem.rate-range': '“{cell}”不是 0 到 1（0% 到 100%）之间的比率。',
  'problem.rate-disagrees':
    '次品率 {rate} 与检验 {inspected} 件中次品 {defective} 件（{actual}）不符，考虑四舍五入后仍不符。',
  'problem.derived-defective':
    '文件中没有次品数：Loom 按“{rate}”×“{inspected}”推算，四舍五入到整件。请对照报表核对几行；数据页会把这次导入标为推算。',
  'problem.negative': '“{cell}”是负数；计数不能为负。',
  'problem.too-large': '“{cell}”太大：Loom 只能精确计数到 9,007,199,254,740,991。',
  'problem.bad-date': '“{cell}”不是 Loom 能读的日期；请写成 1956-08-26、1956-08 或 1956-Q3。',
  'problem.impossible-date': '“{cell}”不是真实存在的日期。',
  'problem.year-range': '“{cell}”的年份 Loom 无法读取：请写 1000 到 9999 年之间的年份。',
  'problem.ambiguous-date': '“{cell}”既可能是 {a}，也可能是 {b}；请写成 YYYY-MM-DD。',
  'problem.out-of-range': '检验数至少为 1；这里是 {value}。',
  'problem.defective-exceeds-inspected': '次品数（{defective}）多于检验数（{inspected}）。',
  'problem.self-exchange': '工厂不能向自己学习（“{factory}”）。',
  'problem.duplicate-id': '“{id}”已被第 {row} 行使用。',
  'problem.unnamed-column': '第 {n} 列没有表头；它被命名为“{name}”。',
  'problem.repeated-header': '表头“{name}”出现了不止一次；第 {n} 列被命名为“{renamed}”。',
  'problem.sep-line': '文件以“sep={sep}”开头；这一行不是数据。',
  'problem.unused-columns': 'Loom 不使用这些列：{columns}。',
  'problem.wide-table':
    '“{first}”…“{last}”这 {n} 列像是每个时期一列：勾选“转为长表”，把它们转成每个时期一行。',
  'problem.unpivoted':
    '已把“{first}”…“{last}”这 {n} 个时期列转成 {rows} 行；每行沿用它在文件中第一行的行号。',
  'problem.fatal-unpivot-too-large':
    '此表太长，无法转为长表：Loom 最多转换 {max} 行。请拆分文件，或另存为每个时期一行。',
  'problem.placeholder': '有 1 家工厂不在任何工厂文件中，已作为占位添加：{ids}。',
  'problem.placeholders': '有 {n} 家工厂不在任何工厂文件中，已作为占位添加：{ids}。',
  'problem.bundle-not-json': '{file} 不是 Loom 数据包：它不是 JSON。',
  'problem.bundle-format': '{file} 不是 Loom 数据包（没有 "format": "{format}"）。',
  'problem.bundle-file': '{file}，第 {n} 个文件：每个文件都需要名称、类型和 CSV 内容。',
  'problem.bundle-import': '{bundle}：{file} 无法导入。',
  'problem.bundle-origin': 'Loom 只从本站载入数据包，不从 {origin} 载入。',
  'problem.bundle-http': '数据包 {url} 无法载入（HTTP {status}）。',
  'problem.deck-not-json': '{file} 不是 Loom 演示稿文件：它不是 JSON。',
  'problem.deck-format': '{file} 不是 Loom 演示稿文件（没有 "format": "{format}"）。',
  'problem.deck-shape': '{file}，第 {n} 个演示稿：演示稿需要名称和幻灯片列表。',
  'problem.deck-slide':
    '{file}，第 {n} 个演示稿，第 {slide} 张幻灯片："url" 必须是视图，例如 "/trends"。',
  'problem.export-nothing': '没有可导出的图表。',
  'problem.export-png': '无法生成 PNG。',
  'problem.video-unsupported':
    '此浏览器无法录制视频（不支持 MediaRecorder 的 WebM 格式）。请改用 Chrome、Edge 或 Firefox。',
  'problem.busy-writing':
    '另一个标签页或窗口正在导入或载入数据。请等它完成后再试；什么都没有改动。',
  'problem.import-lost':
    '导入这个文件时，另一个标签页删除了全部数据，因此这个文件什么也没有保留。请重新导入。',
  'problem.replace-lost':
    '{file} 要替换的导入已在此期间被删除或替换，因此没有任何改动。请重新选择该文件。',
  'problem.quota':
    '浏览器存储空间不足，放不下 {file}：它大约需要 {needed} MB，而只有 {free} MB 可用。请在“数据”页删除一些数据集以腾出空间。这个文件什么也没有保留。',
  'problem.quota-more':
    '浏览器存储空间不足，放不下 {file}：它需要的空间超过了可用的 {free} MB。请在“数据”页删除一些数据集以腾出空间。这个文件什么也没有保留。',
  'problem.disk-full':
    '这台电脑的磁盘已满，因此无法保存 {file}。请腾出一些磁盘空间，或在“数据”页删除一些数据集。这个文件什么也没有保留。',
  'problem.app-updated': '这个标签页打开期间 Loom 已更新。请重新载入页面后继续。',
  'problem.bundle-link': '数据包链接必须是本站的相对地址，例如 data/bundle.json，而不是 {url}。',
  'problem.deck-too-big': '{file} 有 {n} 张幻灯片；一个演示稿文件最多只能有 {max} 张。',
  'problem.sample-manifest': '示例数据的清单无法载入（HTTP {status}）。',
  'problem.sample-file': '示例文件 {file} 无法载入（HTTP {status}）。',
  'common.tab': '制表符',
  'common.labelled': '{label}：{text}',
  'field.factory_id': '工厂编号',
  'field.name': '英文名称',
  'field.name_zh': '中文名',
  'field.industry': '行业',
  'field.ownership': '所有制',
  'field.district': '地区',
  'field.workers': '职工人数',
  'field.product': '产品',
  'field.period': '期间',
  'field.inspected': '检验数',
  'field.defective': '次品数',
  'field.defect_type': '疵点类型',
  'field.shift': '班次',
  'field.workshop': '车间',
  'field.defect_rate': '次品率',
  'field.date': '日期',
  'field.source_factory': '传授方',
  'field.target_factory': '学习方',
  'field.experience': '经验',
  'field.topic': '主题',
  'field.event': '活动',
  'field.adopted_on': '采用日期',
  'field.notes': '备注',
  'field.industry_zh': '行业（中文）',
  'field.industry_en': '行业（英文）',
  'field.product_zh': '产品（中文）',
  'field.product_en': '产品（英文）',
  'field.defect_type_zh': '疵点类型（中文）',
  'field.defect_type_en': '疵点类型（英文）',
  'field.experience_zh': '经验（中文）',
  'field.experience_en': '经验（英文）',
  'field.topic_zh': '主题（中文）',
  'field.topic_en': '主题（英文）',
};
