package network.qfc.miner.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The method table of the devnet's JSON-RPC server: a name to a handler from params to result. */
public final class RpcDispatcher {

    /** One JSON-RPC method: params (may be null) to a result, or an {@link RpcError}. */
    @FunctionalInterface
    public interface Method {
        JsonNode call(JsonNode params);
    }

    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    public RpcDispatcher register(String name, Method method) {
        if (methods.putIfAbsent(name, method) != null) {
            throw new IllegalStateException("method " + name + " is registered twice");
        }
        return this;
    }

    /** Calls a method; an unknown name is -32601. */
    public JsonNode call(String name, JsonNode params) {
        Method m = methods.get(name);
        if (m == null) {
            throw RpcError.methodNotFound();
        }
        return m.call(params);
    }

    public boolean has(String name) {
        return methods.containsKey(name);
    }
}
