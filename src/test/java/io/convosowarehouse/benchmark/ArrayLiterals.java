package io.convosowarehouse.benchmark;

/** PostgreSQL array literals ({1,2} and {"a","b"}) for the array columns of agent_snapshot. */
final class ArrayLiterals {

    private ArrayLiterals() {
    }

    static String ofLongs(Long[] ids) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < ids.length; i++) {
            literal.append(i == 0 ? "" : ",").append(ids[i] == null ? "NULL" : ids[i].toString());
        }
        return literal.append('}').toString();
    }

    static String ofTexts(String[] texts) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < texts.length; i++) {
            literal.append(i == 0 ? "\"" : ",\"");
            for (char c : texts[i].toCharArray()) {
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
