package network.qfc.miner.core.protocol.rpc;

/**
 * Any failure of a JSON-RPC call to a QFC node, typed by {@link Kind}. The message is meant for the user: it says
 * what went wrong and what to do, names the node by scheme, host and port only (never credentials, path or query)
 * and never carries a key or signature.
 */
public final class RpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No connection could be made, or it dropped mid-call. */
        UNREACHABLE,
        /** Connect, read or whole-call deadline passed. */
        TIMEOUT,
        /** The node answered with an HTTP status other than 2xx. */
        HTTP_STATUS,
        /** The answer is not JSON, not JSON-RPC 2.0, or its result has the wrong shape or values. */
        MALFORMED_RESPONSE,
        /** The node answered with a JSON-RPC {@code error} object (see {@link #rpcCode()}). */
        RPC_ERROR,
        /** JSON-RPC -32601: this node does not have the method (an older or newer release). */
        METHOD_NOT_SUPPORTED,
        /** The answer is larger than the configured cap; it was not read further. */
        RESPONSE_TOO_LARGE,
        /** The node's TLS certificate could not be verified (self-signed, expired, wrong host): never trusted. */
        TLS_UNTRUSTED
    }

    /** JSON-RPC: invalid params. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC: method not found. */
    public static final int METHOD_NOT_FOUND = -32601;
    /** JSON-RPC: internal error (worth a retry). */
    public static final int INTERNAL_ERROR = -32603;
    /** QFC: a valid request the chain refused. */
    public static final int EXECUTION_ERROR = -32000;

    private final Kind kind;
    private final String method;
    private final int rpcCode;
    private final int httpStatus;

    RpcException(Kind kind, String method, int rpcCode, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.method = method;
        this.rpcCode = rpcCode;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON-RPC method that failed, e.g. {@code qfc_submitInferenceProof}. */
    public String method() {
        return method;
    }

    /** The JSON-RPC error code for {@link Kind#RPC_ERROR} and {@link Kind#METHOD_NOT_SUPPORTED}, else 0. */
    public int rpcCode() {
        return rpcCode;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * True when the same call may well succeed later: unreachable or dropped connections, timeouts, HTTP 5xx, 408
     * and 429, and JSON-RPC -32603 (internal error).
     */
    public boolean isTransient() {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> true;
            case HTTP_STATUS -> httpStatus >= 500 || httpStatus == 408 || httpStatus == 429;
            case RPC_ERROR -> rpcCode == INTERNAL_ERROR;
            default -> false;
        };
    }
}
