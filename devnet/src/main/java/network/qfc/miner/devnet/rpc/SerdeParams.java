package network.qfc.miner.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads request params the way the node's serde does: positional params (an array), structs with camelCase keys,
 * unknown keys ignored, and strict types: a missing field, a float where an integer belongs, a negative or too large
 * number, or a wrong JSON type is -32602 "Invalid params" with serde's wording in {@code data}.
 */
public final class SerdeParams {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");
    private static final BigInteger U32_MAX = BigInteger.valueOf(0xffff_ffffL);

    private final JsonNode node;
    private final String struct;

    private SerdeParams(JsonNode node, String struct) {
        this.node = node;
        this.struct = struct;
    }

    /** The {@code index}-th positional param, which must be an object (struct {@code struct}). */
    public static SerdeParams struct(JsonNode params, int index, String struct) {
        JsonNode value = positional(params, index, "struct " + struct);
        if (!value.isObject()) {
            throw RpcError.invalidParams("invalid type: " + describe(value) + ", expected struct " + struct);
        }
        return new SerdeParams(value, struct);
    }

    /** The {@code index}-th positional param as a string. */
    public static String string(JsonNode params, int index) {
        JsonNode value = positional(params, index, "a string");
        if (!value.isTextual()) {
            throw RpcError.invalidParams("invalid type: " + describe(value) + ", expected a string");
        }
        return value.asText();
    }

    private static JsonNode positional(JsonNode params, int index, String expected) {
        if (params == null || params.isNull() || params.isMissingNode()) {
            throw RpcError.invalidParams("invalid length 0, expected " + expected + " as params[" + index + "]");
        }
        if (!params.isArray()) {
            throw RpcError.invalidParams("invalid type: " + describe(params)
                    + ", expected params as an array (positional), e.g. [{...}]");
        }
        if (params.size() <= index) {
            throw RpcError.invalidParams("invalid length " + params.size() + ", expected " + expected
                    + " as params[" + index + "]");
        }
        return params.get(index);
    }

    private JsonNode field(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            throw RpcError.invalidParams("missing field `" + name + "`");
        }
        return v;
    }

    public String string(String name) {
        JsonNode v = field(name);
        if (!v.isTextual()) {
            throw RpcError.invalidParams("invalid type: " + describe(v) + ", expected a string (field `" + name + "`)");
        }
        return v.asText();
    }

    /** An {@code Option<String>}: absent or null is empty. */
    public Optional<String> optionalString(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw RpcError.invalidParams("invalid type: " + describe(v) + ", expected a string (field `" + name + "`)");
        }
        return Optional.of(v.asText());
    }

    /** A {@code u64} (returned as a Java long holding the unsigned value). */
    public long u64(String name) {
        return unsigned(name, U64_MAX, "u64").longValue();
    }

    /** An optional u64 field (absent or null: empty), strict like {@link #u64(String)} when present. */
    public java.util.OptionalLong optionalU64(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(u64(name));
    }

    public long u32(String name) {
        return unsigned(name, U32_MAX, "u32").longValue();
    }

    private BigInteger unsigned(String name, BigInteger max, String type) {
        JsonNode v = field(name);
        if (v.isIntegralNumber()) {
            BigInteger b = v.bigIntegerValue();
            if (b.signum() < 0 || b.compareTo(max) > 0) {
                throw RpcError.invalidParams("invalid value: integer `" + b + "`, expected " + type + " (field `"
                        + name + "`)");
            }
            return b;
        }
        throw RpcError.invalidParams("invalid type: " + describe(v) + ", expected " + type + " (field `" + name + "`)");
    }

    /** A sequence of structs. */
    public List<SerdeParams> structs(String name, String elementStruct) {
        JsonNode v = field(name);
        if (!v.isArray()) {
            throw RpcError.invalidParams("invalid type: " + describe(v) + ", expected a sequence (field `" + name + "`)");
        }
        List<SerdeParams> out = new ArrayList<>(v.size());
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw RpcError.invalidParams("invalid type: " + describe(e) + ", expected struct " + elementStruct);
            }
            out.add(new SerdeParams(e, elementStruct));
        }
        return out;
    }

    public String structName() {
        return struct;
    }

    /** How serde names an unexpected JSON value. */
    static String describe(JsonNode v) {
        if (v.isNull()) {
            return "null";
        } else if (v.isBoolean()) {
            return "boolean `" + v.asBoolean() + "`";
        } else if (v.isIntegralNumber()) {
            return "integer `" + v.bigIntegerValue() + "`";
        } else if (v.isNumber()) {
            return "floating point `" + v.asText() + "`";
        } else if (v.isTextual()) {
            return "string \"" + v.asText() + "\"";
        } else if (v.isArray()) {
            return "sequence";
        }
        return "map";
    }
}
