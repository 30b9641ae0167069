package network.qfc.miner.core.protocol.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a {@link QfcRpcClient}: connect timeout, read timeout (between bytes), a whole-call deadline, and the
 * largest answer body read (8 MiB by default).
 */
public record RpcClientConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

    public RpcClientConfig {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requirePositive(callTimeout, "call timeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("the maximum answer size must be positive, got " + maxBodyBytes);
        }
    }

    /** The given timeouts with the default 8 MiB cap. */
    public RpcClientConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        this(connectTimeout, readTimeout, callTimeout, DEFAULT_MAX_BODY_BYTES);
    }

    /** Connect 5 s, read 15 s, whole call 30 s, 8 MiB. */
    public static RpcClientConfig defaults() {
        return new RpcClientConfig(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
