package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The blank workbook a clerk fills for one dataset: a title and 填报单位/填报日期 row above the header as in a bureau's
 * own files, the header in the ingest's own Chinese column names (required ones starred), drop-down lists of the names
 * the ingest accepts (categories, severities, statuses, inspection and school types, the clerk's own schools),
 * date-formatted date columns, and a 填表说明 sheet in Chinese with English. The columns are the dataset's schema, so a
 * filled template is read by the same rules as any other file.
 */
public final class UploadTemplate {
    /** The media type of the workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int TITLE_ROW = 0;
    static final int FILL_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_DATA_ROW = 3;
    /** Rows the lists and formats cover: far more than a county files in one return. */
    static final int PREPARED_ROWS = 5_000;

    static final String INSTRUCTIONS_SHEET = "填表说明";
    static final String LISTS_SHEET = "代码表";
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String YES = "是";
    private static final String NO = "否";

    /** What a column holds, as far as the template's formats and drop-down lists go. */
    enum Input {
        TEXT,
        DATE,
        FLAG,
        COUNT,
        SCHOOL_CODE,
        OWN_SCHOOL_CODE,
        OWN_SCHOOL_NAME,
        DISTRICT_CODE,
        DISTRICT_NAME,
        CATEGORY,
        SEVERITY,
        STATUS,
        INSPECTION_TYPE,
        SCHOOL_TYPE
    }

    private final ReferenceData reference;

    public UploadTemplate(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    /** The file name a template is offered under, e.g. {@code 隐患台账-导入模板.xlsx}. */
    public static String fileName(Dataset dataset) {
        return dataset.nameZh() + "-导入模板.xlsx";
    }

    /** The title above the header, e.g. 忻府区学校安全隐患排查整治台账. */
    public static String title(Dataset dataset, TemplateScope scope) {
        String area = scope.district().map(District::nameZh).orElse("XX县（区）");
        return area
                + switch (dataset) {
                    case SCHOOLS -> "中小学校（幼儿园）名册";
                    case LEDGER -> "学校安全隐患排查整治台账";
                    case INSPECTIONS -> "学校安全检查记录";
                    case SURVEYS -> "学校安防设施建设情况调查表";
                    case DRILLS -> "学校应急演练记录";
                };
    }

    /** The columns of the template, in the order of the dataset's schema. */
    static List<ColumnSpec> columns(Dataset dataset) {
        return schema(dataset).columns();
    }

    static Schema schema(Dataset dataset) {
        return switch (dataset) {
            case SCHOOLS -> SchoolsConverter.SCHEMA;
            case LEDGER -> LedgerConverter.SCHEMA;
            case INSPECTIONS -> InspectionsConverter.SCHEMA;
            case SURVEYS -> SurveysConverter.SCHEMA;
            case DRILLS -> DrillsConverter.SCHEMA;
        };
    }

    /**
     * What the converter of {@code dataset} reads from the column {@code key}: a ledger names a registered school, a
     * register introduces one; the six survey indicators and boarding are yes/no.
     */
    static Input input(Dataset dataset, String key) {
        return switch (key) {
            case "found_date",
                    "deadline",
                    "rectified_date",
                    "closed_date",
                    "supervised_date",
                    "visit_date",
                    "survey_date",
                    "drill_date" -> Input.DATE;
            case "boarding",
                    "supervised",
                    "closed_management",
                    "full_time_guards",
                    "one_key_alarm",
                    "video_police_link",
                    "school_guard_post",
                    "anti_ram_barriers" -> Input.FLAG;
            case "students" -> Input.COUNT;
            case "school_code" -> dataset == Dataset.SCHOOLS ? Input.SCHOOL_CODE : Input.OWN_SCHOOL_CODE;
            case "school_name" -> Input.OWN_SCHOOL_NAME;
            case "district_code" -> Input.DISTRICT_CODE;
            case "district" -> Input.DISTRICT_NAME;
            case "category" -> Input.CATEGORY;
            case "severity" -> Input.SEVERITY;
            case "status" -> Input.STATUS;
            case "inspection_type" -> Input.INSPECTION_TYPE;
            case "school_type" -> Input.SCHOOL_TYPE;
            default -> Input.TEXT;
        };
    }

    /** The header a column gets: its Chinese name, starred when the file must have it. */
    static String header(ColumnSpec column) {
        return (column.isRequired() && column.requiredGroup().equals(column.key()) ? "*" : "") + column.nameZh();
    }

    /** Writes the template of {@code dataset} for {@code scope} to {@code out} (left open). */
    public void write(Dataset dataset, TemplateScope scope, OutputStream out) throws IOException {
        requireNonNull(dataset, "dataset");
        requireNonNull(scope, "scope");
        try (var workbook = new XSSFWorkbook()) {
            var styles = new Styles(workbook);
            XSSFSheet data = workbook.createSheet(dataset.nameZh());
            XSSFSheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
            XSSFSheet lists = workbook.createSheet(LISTS_SHEET);
            var named = new Lists(workbook, lists, styles);
            fillLists(dataset, scope, named);
            List<ColumnSpec> columns = columns(dataset);
            writeData(dataset, scope, data, columns, styles, named);
            writeInstructions(dataset, scope, instructions, columns, styles);
            var properties = workbook.getProperties().getCoreProperties();
            properties.setCreator("xiaoan");
            properties.setTitle(title(dataset, scope));
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private void writeData(
            Dataset dataset,
            TemplateScope scope,
            XSSFSheet sheet,
            List<ColumnSpec> columns,
            Styles styles,
            Lists lists) {
        int width = columns.size();
        XSSFRow title = sheet.createRow(TITLE_ROW);
        title.setHeightInPoints(30);
        cell(title, 0, title(dataset, scope), styles.title);
        if (width > 1) {
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, width - 1));
        }
        // 填报单位 left, 填报日期 right with its date in the next cell: where ingest looks for the report date.
        XSSFRow fill = sheet.createRow(FILL_ROW);
        cell(fill, 0, "填报单位：", styles.label);
        cell(fill, 1, scope.district().map(District::nameZh).orElse(""), styles.plain);
        int dateLabel = Math.max(2, width - 2);
        cell(fill, dateLabel, "填报日期：", styles.label);
        fill.createCell(dateLabel + 1).setCellStyle(styles.date);

        XSSFRow header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(22);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int c = 0; c < width; c++) {
            ColumnSpec column = columns.get(c);
            Input input = input(dataset, column.key());
            XSSFCell cell = header.createCell(c);
            cell.setCellValue(header(column));
            cell.setCellStyle(column.isRequired() ? styles.requiredHeader : styles.header);
            var anchor = drawing.createAnchor(0, 0, 0, 0, c, HEADER_ROW, c + 3, HEADER_ROW + 4);
            anchor.setAnchorType(ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
            var comment = drawing.createCellComment(anchor);
            comment.setString(
                    workbook(sheet).getCreationHelper().createRichTextString(column.key() + "\n" + hintZh(input)));
            comment.setAuthor("xiaoan");
            cell.setCellComment(comment);
            sheet.setColumnWidth(c, widthOf(column, input) * 256);
            sheet.setDefaultColumnStyle(c, input == Input.DATE ? styles.date : styles.text(input));
            int at = c;
            validation(helper, input, lists, scope)
                    .ifPresent(rule -> sheet.addValidationData(withRange(helper, rule, at)));
        }
        sheet.createFreezePane(0, FIRST_DATA_ROW);
        // printed as bureaus file it: A4 landscape, one page wide, title and header on every page
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(TITLE_ROW, HEADER_ROW, -1, -1));
    }

    private static XSSFWorkbook workbook(XSSFSheet sheet) {
        return sheet.getWorkbook();
    }

    private static int widthOf(ColumnSpec column, Input input) {
        return switch (input) {
            case DATE -> 13;
            case FLAG, SEVERITY -> 12;
            case COUNT, STATUS, INSPECTION_TYPE -> 12;
            case SCHOOL_CODE, OWN_SCHOOL_CODE, DISTRICT_CODE -> 14;
            case OWN_SCHOOL_NAME, CATEGORY, SCHOOL_TYPE, DISTRICT_NAME -> 22;
            case TEXT -> column.key().equals("description") || column.key().contains("measures") ? 36 : 16;
        };
    }

    /** A validation rule for one column (its range is set by {@link #withRange}), or none for free text. */
    private static Optional<Rule> validation(
            DataValidationHelper helper, Input input, Lists lists, TemplateScope scope) {
        return switch (input) {
            case TEXT -> Optional.empty();
            case DATE ->
                Optional.of(new Rule(
                        helper.createDateConstraint(
                                DataValidationConstraint.OperatorType.BETWEEN,
                                "DATE(2000,1,1)",
                                "DATE(2099,12,31)",
                                DATE_FORMAT),
                        false,
                        "日期 Date",
                        "请填写日期，如 2026-10-31 / enter a date such as 2026-10-31"));
            case COUNT ->
                Optional.of(new Rule(
                        helper.createIntegerConstraint(
                                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
                        true,
                        "人数 Count",
                        "请填写不小于 0 的整数 / enter a whole number, 0 or more"));
            case SCHOOL_CODE ->
                Optional.of(new Rule(
                        helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.EQUAL, "10", null),
                        true,
                        "学校标识码 School code",
                        "学校标识码为 10 位数字 / a school code has 10 digits"));
            case OWN_SCHOOL_CODE, OWN_SCHOOL_NAME ->
                scope.schools().isEmpty()
                        ? Optional.empty()
                        : Optional.of(new Rule(
                                helper.createFormulaListConstraint(lists.name(input)),
                                true,
                                "本辖区学校 Your schools",
                                "请从下拉列表中选择本辖区学校（见“代码表”）/ choose one of your district's schools" + " (sheet 代码表)"));
            default ->
                Optional.of(new Rule(
                        helper.createFormulaListConstraint(lists.name(input)),
                        false,
                        "可选值 Allowed values",
                        "请从下拉列表中选择（见“代码表”）/ choose from the list (sheet 代码表)"));
        };
    }

    private record Rule(DataValidationConstraint constraint, boolean strict, String titleText, String message) {}

    private static DataValidation withRange(DataValidationHelper helper, Rule rule, int column) {
        DataValidation validation = helper.createValidation(
                rule.constraint(),
                new CellRangeAddressList(FIRST_DATA_ROW, FIRST_DATA_ROW + PREPARED_ROWS - 1, column, column));
        // Strict only where ingest is strict too: codes and names also accept aliases the list does not show.
        validation.setErrorStyle(rule.strict() ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        validation.setShowErrorBox(true);
        validation.createErrorBox(rule.titleText(), rule.message());
        validation.setShowPromptBox(false);
        validation.setSuppressDropDownArrow(
                rule.constraint().getValidationType() == DataValidationConstraint.ValidationType.LIST);
        return validation;
    }

    private void writeInstructions(
            Dataset dataset, TemplateScope scope, XSSFSheet sheet, List<ColumnSpec> columns, Styles styles) {
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(2, 12 * 256);
        sheet.setColumnWidth(3, 60 * 256);
        sheet.setColumnWidth(4, 60 * 256);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        int at = 0;
        XSSFRow heading = sheet.createRow(at++);
        heading.setHeightInPoints(26);
        cell(heading, 0, "填表说明 How to fill in: " + title(dataset, scope), styles.heading);
        at++;
        List<String[]> notes = List.of(
                new String[] {
                    "1. 在“" + dataset.nameZh() + "”工作表第 4 行起逐行填写，每行一条记录；不要修改、删除或调换表头（第 3 行）。",
                    "Fill in one record per row from row 4 of sheet " + dataset.nameZh()
                            + "; do not change, delete or reorder the header (row 3)."
                },
                new String[] {
                    "2. 带 * 的列必须填写；其余列有则填写。列名可用中文或英文，也可多出本表没有的列（原样保存）。",
                    "Columns marked * are required; fill the others when known. Extra columns are kept as they are."
                },
                new String[] {
                    "3. 日期填写为 2026-10-31 形式（单元格已设为日期格式）；第 2 行的填报日期即本次报送的日期，不填则以导入当天为准。",
                    "Dates as 2026-10-31 (the cells are date-formatted); the 填报日期 in row 2 is the date of this"
                            + " return, the day of upload when left blank."
                },
                new String[] {
                    "4. 类别、等级、状态、检查方式等请从下拉列表选择（可选值见本页下表及“代码表”）；学校请从本辖区学校中选择。",
                    "Pick categories, severities, statuses and inspection types from the drop-down lists (values"
                            + " below and on sheet 代码表); pick schools from your district's list."
                },
                new String[] {
                    "5. 保存为 .xlsx 后在“数据报送”页面上传或用 xiaoan ingest 导入；被退回的行会逐行说明原因和改法，改正后重新上传即可。",
                    "Save as .xlsx and upload it on the 数据报送 page (or xiaoan ingest); rejected rows are listed with"
                            + " the reason and what to change: correct them and upload again."
                });
        // each note across the five columns, so it wraps on screen and on paper instead of running off the page
        for (String[] note : notes) {
            cell(sheet.createRow(at), 0, note[0], styles.plain);
            sheet.addMergedRegion(new CellRangeAddress(at, at, 0, 4));
            at++;
            cell(sheet.createRow(at), 0, note[1], styles.english);
            sheet.addMergedRegion(new CellRangeAddress(at, at, 0, 4));
            at++;
        }
        at++;
        XSSFRow head = sheet.createRow(at++);
        String[] headings = {"列名 Column", "英文名 Key", "必填 Required", "填写要求 How to fill", "可选值 Allowed values"};
        for (int c = 0; c < headings.length; c++) {
            cell(head, c, headings[c], styles.header);
        }
        for (ColumnSpec column : columns) {
            Input input = input(dataset, column.key());
            XSSFRow row = sheet.createRow(at++);
            cell(row, 0, header(column), styles.wrapped);
            cell(row, 1, column.key(), styles.wrapped);
            cell(row, 2, required(column, columns), styles.wrapped);
            cell(row, 3, hintZh(input) + "\n" + hintEn(input), styles.wrapped);
            String values = String.join("、", allowed(input, scope));
            cell(row, 4, values, styles.wrapped);
            // POI cannot measure text: two lines for the hint, more for a long list (about 30 names a line)
            row.setHeightInPoints(15f * Math.max(2, (values.length() + 29) / 30));
        }
    }

    /** 是 / 否, or 二选一 for a column one of whose group must be there (行政区划代码 or 县区). */
    private static String required(ColumnSpec column, List<ColumnSpec> columns) {
        if (!column.isRequired()) {
            return "否 no";
        }
        if (column.requiredGroup().equals(column.key())) {
            return "是 yes";
        }
        List<String> group = columns.stream()
                .filter(other -> column.requiredGroup().equals(other.requiredGroup()))
                .map(ColumnSpec::nameZh)
                .toList();
        return String.join("、", group) + " 二选一 one of";
    }

    private static String hintZh(Input input) {
        return switch (input) {
            case TEXT -> "文字";
            case DATE -> "日期，如 2026-10-31";
            case FLAG -> "是 或 否";
            case COUNT -> "不小于 0 的整数";
            case SCHOOL_CODE -> "10 位数字的学校标识码";
            case OWN_SCHOOL_CODE -> "本辖区学校的 10 位学校标识码（下拉选择）";
            case OWN_SCHOOL_NAME -> "学校名称，与学校标识码对应（下拉选择）";
            case DISTRICT_CODE -> "6 位行政区划代码（下拉选择）";
            case DISTRICT_NAME -> "县（区）名称（下拉选择）";
            case CATEGORY -> "隐患类别（下拉选择）";
            case SEVERITY -> "隐患等级（下拉选择）";
            case STATUS -> "整改状态（下拉选择）";
            case INSPECTION_TYPE -> "检查方式（下拉选择）";
            case SCHOOL_TYPE -> "学校类型（下拉选择）";
        };
    }

    private static String hintEn(Input input) {
        return switch (input) {
            case TEXT -> "Text";
            case DATE -> "Date, e.g. 2026-10-31";
            case FLAG -> "是 (yes) or 否 (no)";
            case COUNT -> "A whole number, 0 or more";
            case SCHOOL_CODE -> "The 10-digit school code";
            case OWN_SCHOOL_CODE -> "The 10-digit code of one of your district's schools (pick from the list)";
            case OWN_SCHOOL_NAME -> "The school's name, matching its code (pick from the list)";
            case DISTRICT_CODE -> "The 6-digit district code (pick from the list)";
            case DISTRICT_NAME -> "The county or district name (pick from the list)";
            case CATEGORY -> "Hazard category (pick from the list)";
            case SEVERITY -> "Severity (pick from the list)";
            case STATUS -> "Rectification status (pick from the list)";
            case INSPECTION_TYPE -> "Inspection type (pick from the list)";
            case SCHOOL_TYPE -> "School type (pick from the list)";
        };
    }

    /** The values a list column offers: the names ingest accepts, or the scope's schools and districts. */
    List<String> allowed(Input input, TemplateScope scope) {
        return switch (input) {
            case FLAG -> List.of(YES, NO);
            case OWN_SCHOOL_CODE -> List.copyOf(scope.schools().keySet());
            case OWN_SCHOOL_NAME -> List.copyOf(scope.schools().values());
            case DISTRICT_CODE -> districts(scope).stream().map(District::code).toList();
            case DISTRICT_NAME ->
                districts(scope).stream().map(District::nameZh).toList();
            case CATEGORY -> names(TaxonomyKind.CATEGORY);
            case SEVERITY -> names(TaxonomyKind.SEVERITY);
            case STATUS -> names(TaxonomyKind.STATUS);
            case INSPECTION_TYPE -> names(TaxonomyKind.INSPECTION_TYPE);
            case SCHOOL_TYPE -> names(TaxonomyKind.SCHOOL_TYPE);
            case TEXT, DATE, COUNT, SCHOOL_CODE -> List.of();
        };
    }

    private List<District> districts(TemplateScope scope) {
        return scope.district()
                .map(List::of)
                .orElseGet(() -> reference.districts().all());
    }

    private List<String> names(TaxonomyKind kind) {
        return reference.taxonomy().terms(kind).stream().map(Term::nameZh).toList();
    }

    private static XSSFCell cell(XSSFRow row, int column, String value, CellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
        return cell;
    }

    /** The 代码表 sheet: one column per list, each behind a workbook name the validations refer to. */
    private final class Lists {
        private final XSSFWorkbook workbook;
        private final XSSFSheet sheet;
        private final Styles styles;
        private final Map<Input, String> names = new EnumMap<>(Input.class);
        private int nextColumn;

        Lists(XSSFWorkbook workbook, XSSFSheet sheet, Styles styles) {
            this.workbook = workbook;
            this.sheet = sheet;
            this.styles = styles;
        }

        /** The workbook name of the list for {@code input}, which {@link #add} wrote. */
        String name(Input input) {
            String name = names.get(input);
            if (name == null) {
                throw new IllegalStateException("Cannot refer to the list of " + input + ": it was not written");
            }
            return name;
        }

        void add(Input input, String heading, List<String> values) {
            int column = nextColumn++;
            XSSFRow head = row(0);
            cell(head, column, heading, styles.header);
            for (int i = 0; i < values.size(); i++) {
                XSSFCell cell = row(i + 1).createCell(column);
                cell.setCellValue(values.get(i));
                cell.setCellStyle(styles.plain);
            }
            sheet.setColumnWidth(column, 22 * 256);
            String letter = CellReference.convertNumToColString(column);
            Name name = workbook.createName();
            name.setNameName("list_" + input.name().toLowerCase(Locale.ROOT));
            name.setRefersToFormula("'" + LISTS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
            names.put(input, name.getNameName());
        }

        private XSSFRow row(int index) {
            XSSFRow row = sheet.getRow(index);
            return row == null ? sheet.createRow(index) : row;
        }
    }

    /** The workbook's cell styles, each created once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle heading;
        final CellStyle label;
        final CellStyle plain;
        final CellStyle english;
        final CellStyle wrapped;
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle date;
        final CellStyle textCell;
        final CellStyle numberCell;

        Styles(XSSFWorkbook workbook) {
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            heading = workbook.createCellStyle();
            heading.setFont(titleFont);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            Font bold = workbook.createFont();
            bold.setBold(true);
            label = workbook.createCellStyle();
            label.setFont(bold);
            plain = workbook.createCellStyle();
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            english = workbook.createCellStyle();
            english.setFont(grey);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            header = bordered(workbook, bold);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader = bordered(workbook, red);
            var formats = workbook.createDataFormat();
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat(DATE_FORMAT));
            // Text, so a school code keeps its digits and a spreadsheet does not turn it into 1.41E+09.
            textCell = workbook.createCellStyle();
            textCell.setDataFormat(formats.getFormat("@"));
            numberCell = workbook.createCellStyle();
            numberCell.setDataFormat(formats.getFormat("0"));
        }

        CellStyle text(Input input) {
            return input == Input.COUNT ? numberCell : textCell;
        }

        private static CellStyle bordered(XSSFWorkbook workbook, Font font) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(font);
            style.setAlignment(HorizontalAlignment.CENTER);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            style.setWrapText(true);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }

    /** The lists the data sheet needs, written before its validations refer to them. */
    private void fillLists(Dataset dataset, TemplateScope scope, Lists lists) {
        var seen = new ArrayList<Input>();
        for (ColumnSpec column : columns(dataset)) {
            Input input = input(dataset, column.key());
            List<String> values = allowed(input, scope);
            if (!values.isEmpty() && !seen.contains(input)) {
                seen.add(input);
                lists.add(input, column.nameZh(), values);
            }
        }
    }
}
