package network.qfc.miner.core.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Reads the node's numbers, which different releases write differently for the same field: a hex quantity string
 * ({@code "0x1f"}), a decimal string ({@code "31"}) or a JSON integer. Negative numbers, fractions (where an integer
 * belongs), empty strings and stray characters are refused with an {@link IllegalArgumentException} naming the field.
 */
public final class QuantityParser {
    private static final int MAX_DIGITS = 80;

    private QuantityParser() {
    }

    /** A non-negative integer from hex {@code 0x..}, decimal text, or a JSON integer. */
    public static BigInteger parse(JsonNode node, String field) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("missing number '" + field + "'");
        }
        if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            if (v.signum() < 0) {
                throw new IllegalArgumentException("'" + field + "' is negative: " + v);
            }
            return v;
        }
        if (node.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' is a fraction where an integer belongs: " + node);
        }
        if (node.isTextual()) {
            return parse(node.textValue(), field);
        }
        throw new IllegalArgumentException("'" + field + "' is not a number: " + describe(node));
    }

    /** A non-negative integer from {@code 0x}-prefixed hex or decimal text. */
    public static BigInteger parse(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException("missing number '" + field + "'");
        }
        String t = text.trim();
        boolean hex = t.startsWith("0x") || t.startsWith("0X");
        String digits = hex ? t.substring(2) : t;
        if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("'" + field + "' is not a number: \"" + shorten(t) + "\"");
        }
        int radix = hex ? 16 : 10;
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 0x7f) {
                throw new IllegalArgumentException("'" + field + "' is not a " + (hex ? "hex" : "decimal")
                        + " number: \"" + shorten(t) + "\"");
            }
        }
        return new BigInteger(digits, radix);
    }

    /** Like {@link #parse(JsonNode, String)}, but the value must fit in a Java long (0..2^63-1). */
    public static long parseLong(JsonNode node, String field) {
        return toLong(parse(node, field), field);
    }

    /** Like {@link #parse(String, String)}, but the value must fit in a Java long (0..2^63-1). */
    public static long parseLong(String text, String field) {
        return toLong(parse(text, field), field);
    }

    private static long toLong(BigInteger v, String field) {
        if (v.bitLength() > 63) {
            throw new IllegalArgumentException("'" + field + "' is too large: " + v);
        }
        return v.longValue();
    }

    /** A non-negative decimal (percentages, averages) from a JSON number or a decimal string such as "99.50". */
    public static BigDecimal parseDecimal(JsonNode node, String field) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("missing number '" + field + "'");
        }
        BigDecimal v;
        if (node.isNumber()) {
            v = node.decimalValue();
        } else if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new BigDecimal(parse(t, field));
            }
            if (t.isEmpty() || t.length() > MAX_DIGITS || !t.matches("[0-9]+(\\.[0-9]+)?")) {
                throw new IllegalArgumentException("'" + field + "' is not a decimal number: \"" + shorten(t) + "\"");
            }
            v = new BigDecimal(t);
        } else {
            throw new IllegalArgumentException("'" + field + "' is not a number: " + describe(node));
        }
        if (v.signum() < 0) {
            throw new IllegalArgumentException("'" + field + "' is negative: " + v);
        }
        return v;
    }

    static String describe(JsonNode node) {
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + shorten(node.toString());
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
