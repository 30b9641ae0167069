package network.qfc.miner.core.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Hex;

/**
 * A JSON object from the node, read field by field with checks. Every failure is an {@link IllegalArgumentException}
 * whose message names the field's path (e.g. {@code metrics.avgLatencyMs}); the transport turns it into a
 * {@link RpcException.Kind#MALFORMED_RESPONSE}.
 */
final class ResultObject {
    private final JsonNode node;
    private final String path;

    private ResultObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static ResultObject of(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " should be an object, got "
                    + (node == null ? "nothing" : QuantityParser.describe(node)));
        }
        return new ResultObject(node, "");
    }

    static <T> List<T> list(JsonNode node, String what, Function<ResultObject, T> each) {
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException(what + " should be a list, got "
                    + (node == null ? "nothing" : QuantityParser.describe(node)));
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new IllegalArgumentException(what + "[" + i + "] should be an object, got "
                        + QuantityParser.describe(item));
            }
            out.add(each.apply(new ResultObject(item, what + "[" + i + "].")));
        }
        return List.copyOf(out);
    }

    String name(String field) {
        return path + field;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + name(field) + "'");
        }
        return v;
    }

    String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + name(field) + "' should be a string, got " + QuantityParser.describe(v));
        }
        return v.textValue();
    }

    String text(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    boolean bool(String field) {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + name(field) + "' should be true or false, got " + QuantityParser.describe(v));
        }
        return v.booleanValue();
    }

    BigInteger quantity(String field) {
        return QuantityParser.parse(required(field), name(field));
    }

    BigInteger quantity(String field, BigInteger fallback) {
        return has(field) ? quantity(field) : fallback;
    }

    long number(String field) {
        return QuantityParser.parseLong(required(field), name(field));
    }

    long number(String field, long fallback) {
        return has(field) ? number(field) : fallback;
    }

    BigDecimal decimal(String field) {
        return QuantityParser.parseDecimal(required(field), name(field));
    }

    BigDecimal decimal(String field, BigDecimal fallback) {
        return has(field) ? decimal(field) : fallback;
    }

    Address address(String field) {
        String t = text(field);
        try {
            return Address.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name(field) + "' is not an address: " + e.getMessage());
        }
    }

    byte[] hex(String field, int exactBytes) {
        String t = text(field);
        try {
            return Hex.decodeFixed(name(field), t, exactBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    ResultObject object(String field) {
        JsonNode v = required(field);
        if (!v.isObject()) {
            throw new IllegalArgumentException("'" + name(field) + "' should be an object, got " + QuantityParser.describe(v));
        }
        return new ResultObject(v, name(field) + ".");
    }

    <T> List<T> list(String field, Function<ResultObject, T> each) {
        return list(required(field), name(field), each);
    }
}
