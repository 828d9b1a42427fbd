package io.convosowarehouse.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A JSON array with one object per row, keys in column order; numbers stay exact (BigDecimal). */
final class JsonRenderer implements ReportRenderer {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Override
    public void render(String reportName, ReportResult result, PrintWriter out) {
        ArrayNode rows = mapper.createArrayNode();
        for (List<String> row : result.rows()) {
            ObjectNode object = rows.addObject();
            for (int i = 0; i < result.columns().size(); i++) {
                ReportColumn column = result.columns().get(i);
                String value = row.get(i);
                if (value == null) {
                    object.putNull(column.name());
                } else if (column.kind() == ReportColumn.Kind.NUMBER) {
                    object.put(column.name(), new BigDecimal(value));
                } else if (column.kind() == ReportColumn.Kind.BOOLEAN) {
                    object.put(column.name(), value.equals("t") || value.equals("true"));
                } else {
                    object.put(column.name(), value);
                }
            }
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
        out.flush();
    }
}
