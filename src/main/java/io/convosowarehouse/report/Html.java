package io.convosowarehouse.report;

/** Text made safe for HTML and SVG text and quoted attributes: whatever a value holds shows as text. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** One entry of a legend ({@code ul.legend}, styled by the page): a swatch of the colour and the text. */
    static void legendItem(String text, String colour, StringBuilder page) {
        page.append("<li><span style=\"background:").append(colour).append("\"></span>").append(escape(text)).append("</li>");
    }
}
