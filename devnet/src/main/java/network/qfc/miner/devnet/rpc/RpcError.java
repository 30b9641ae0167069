package network.qfc.miner.devnet.rpc;

/** A JSON-RPC error answer: code, message and optional data, with the node's (jsonrpsee's) codes and texts. */
public final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    public static final int EXECUTION_ERROR = -32000;

    private final int code;
    private final String data;

    public RpcError(int code, String message, String data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public static RpcError parseError(String detail) {
        return new RpcError(PARSE_ERROR, "Parse error", detail);
    }

    public static RpcError invalidRequest(String detail) {
        return new RpcError(INVALID_REQUEST, "Invalid request", detail);
    }

    public static RpcError methodNotFound() {
        return new RpcError(METHOD_NOT_FOUND, "Method not found", null);
    }

    /** Params that do not deserialize (jsonrpsee: message "Invalid params", the serde error in data). */
    public static RpcError invalidParams(String serdeError) {
        return new RpcError(INVALID_PARAMS, "Invalid params", serdeError);
    }

    /** The node's own {@code RpcError::InvalidParams(msg)}: code -32602 with its message. */
    public static RpcError nodeInvalidParams(String message) {
        return new RpcError(INVALID_PARAMS, message, null);
    }

    /** The node's {@code RpcError::Execution(msg)}: code -32000. */
    public static RpcError execution(String message) {
        return new RpcError(EXECUTION_ERROR, message, null);
    }

    public int code() {
        return code;
    }

    /** Extra detail, or null. */
    public String data() {
        return data;
    }
}
