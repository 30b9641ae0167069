package network.qfc.miner.core.protocol.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;

/**
 * A QFC node's JSON-RPC 2.0 API as a miner uses it, one typed method per call. Requests carry the superset of the
 * fields v2.0 and v2.2 nodes read (a node ignores keys it does not know); answers are validated before use and
 * accept both hex and decimal numbers. Every failure is an {@link RpcException}; nothing blocks beyond the
 * configured whole-call deadline. Thread-safe; {@link #close()} releases its connections.
 */
public final class QfcRpcClient implements AutoCloseable {
    private final JsonRpcTransport transport;

    /** A client for {@code endpoint} (e.g. {@code http://127.0.0.1:8545}) with {@link RpcClientConfig#defaults()}. */
    public QfcRpcClient(String endpoint) {
        this(endpoint, RpcClientConfig.defaults());
    }

    public QfcRpcClient(String endpoint, RpcClientConfig config) {
        this.transport = new JsonRpcTransport(endpoint, Objects.requireNonNull(config, "config"));
    }

    /** The node as shown in messages: scheme, host and port, nothing else of the URL. */
    public String nodeName() {
        return transport.nodeName();
    }

    /**
     * Tells {@code listener} the node's clock (its HTTP {@code Date} header) with every answer, for the miner's estimate
     * of the skew between the clocks; replaces the previous listener (null: none).
     */
    public void onNodeTime(NodeTimeListener listener) {
        transport.onNodeTime(listener);
    }

    // ---- methods a miner calls -------------------------------------------------------------------------------

    /** {@code qfc_registerMiner}. A refusal ({@code registered=false}) is a result, not an exception. */
    public RegisterResult registerMiner(RegisterMinerRequest r) {
        ObjectNode o = transport.newObject();
        o.put("minerAddress", r.minerAddress().hex());
        o.put("gpuModel", r.gpuModel());
        o.put("vramMb", r.vramMb());
        o.put("benchmarkScore", r.benchmarkScore());
        o.put("backend", r.backend().wireName());
        o.put("signature", Hex.encode(r.signature()));
        o.put("publicKey", Hex.encode(r.publicKey()));
        o.put("os", r.os());
        o.put("arch", r.arch());
        o.put("cpuModel", r.cpuModel());
        o.put("cpuCores", r.cpuCores());
        o.put("totalMemoryMb", r.totalMemoryMb());
        o.put("version", r.version());
        return transport.call("qfc_registerMiner", one(o), object("registration result", RegisterResult::from));
    }

    /** {@code qfc_reportMinerStatus}: true when the node took it, false for an unknown address or bad signature. */
    public boolean reportMinerStatus(MinerStatusReport r) {
        ObjectNode o = transport.newObject();
        o.put("minerAddress", r.minerAddress().hex());
        ArrayNode models = o.putArray("loadedModels");
        for (LoadedModel m : r.loadedModels()) {
            ObjectNode e = models.addObject();
            e.put("modelName", m.model().name());
            e.put("modelVersion", m.model().version());
            e.put("layer", m.layer().wireName());
            e.put("name", m.model().name());
            e.put("version", m.model().version());
            e.put("loadedAt", m.loadedAtMs());
        }
        o.put("pendingTasks", r.pendingTasks());
        o.put("signature", Hex.encode(r.signature()));
        return transport.call("qfc_reportMinerStatus", one(o), result -> {
            if (result == null || !result.isBoolean()) {
                throw new IllegalArgumentException("the result should be true or false, got "
                        + (result == null ? "nothing" : QuantityParser.describe(result)));
            }
            return result.booleanValue();
        });
    }

    /** {@code qfc_getInferenceTask}: a validated task, or empty when the node has none now. */
    public Optional<InferenceTask> getInferenceTask(TaskRequest r) {
        ObjectNode o = transport.newObject();
        o.put("minerAddress", r.minerAddress().hex());
        o.put("gpuTier", r.gpuTier().wireName());
        o.put("availableMemoryMb", r.availableMemoryMb());
        o.put("backend", r.backend().wireName());
        return transport.call("qfc_getInferenceTask", one(o), result -> result == null || result.isNull()
                ? Optional.empty()
                : Optional.of(InferenceTask.from(ResultObject.of(result, "the task"))));
    }

    /** {@code qfc_submitInferenceProof}; every JSON field is taken from the signed proof. */
    public ProofResult submitInferenceProof(ProofSubmission s) {
        InferenceProof p = s.proof();
        ObjectNode o = transport.newObject();
        o.put("minerAddress", p.validator().hex());
        o.put("taskId", Hex.encode(p.inputHash()));
        o.put("epoch", unsigned(p.epoch()));
        o.put("outputHash", Hex.encode(p.outputHash()));
        o.put("executionTimeMs", unsigned(p.executionTimeMs()));
        o.put("flopsEstimated", unsigned(p.flopsEstimated()));
        o.put("backend", p.backend().wireName());
        o.put("proofBytes", p.proofBytesHex());
        if (s.resultData() != null) {
            o.put("resultData", Hex.encode(s.resultData()));
        }
        return transport.call("qfc_submitInferenceProof", one(o), object("proof result", ProofResult::from));
    }

    // ---- reading a miner's standing --------------------------------------------------------------------------

    public NodeInfo nodeInfo() {
        return transport.call("qfc_nodeInfo", transport.newArray(), object("node info", NodeInfo::from));
    }

    public List<ValidatorInfo> getValidators() {
        return transport.call("qfc_getValidators", transport.newArray(),
                result -> ResultObject.list(result, "validators", ValidatorInfo::from));
    }

    public ScoreBreakdown getValidatorScoreBreakdown(Address address) {
        return transport.call("qfc_getValidatorScoreBreakdown", addressParam(address),
                object("score breakdown", ScoreBreakdown::from));
    }

    /** {@code qfc_getStake} in wei (chain state: a slash may not show here in v2.0; see the score breakdown). */
    public BigInteger getStake(Address address) {
        return transport.call("qfc_getStake", addressParam(address), result -> QuantityParser.parse(result, "stake"));
    }

    public BigInteger getContributionScore(Address address) {
        return transport.call("qfc_getContributionScore", addressParam(address),
                result -> QuantityParser.parse(result, "contribution score"));
    }

    public EpochInfo getEpoch() {
        return transport.call("qfc_getEpoch", transport.newArray(), object("epoch", EpochInfo::from));
    }

    public List<SupportedModel> getSupportedModels() {
        return transport.call("qfc_getSupportedModels", transport.newArray(),
                result -> ResultObject.list(result, "models", SupportedModel::from));
    }

    public InferenceStats getInferenceStats() {
        return transport.call("qfc_getInferenceStats", transport.newArray(), object("stats", InferenceStats::from));
    }

    /** {@code qfc_getMinerEarnings} (v2.2 nodes; older ones throw {@link RpcException.Kind#METHOD_NOT_SUPPORTED}). */
    public MinerEarnings getMinerEarnings(Address address, EarningsPeriod period) {
        ArrayNode params = addressParam(address);
        params.add(Objects.requireNonNull(period, "period").wireName());
        return transport.call("qfc_getMinerEarnings", params, object("earnings", MinerEarnings::from));
    }

    /** {@code qfc_getMinerVesting} (v2.2 nodes; older ones throw {@link RpcException.Kind#METHOD_NOT_SUPPORTED}). */
    public MinerVesting getMinerVesting(Address address) {
        return transport.call("qfc_getMinerVesting", addressParam(address), object("vesting", MinerVesting::from));
    }

    @Override
    public void close() {
        transport.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private ArrayNode one(ObjectNode o) {
        ArrayNode a = transport.newArray();
        a.add(o);
        return a;
    }

    /** Read methods take the address as the node prints it, {@code 0x} + 40 hex. */
    private ArrayNode addressParam(Address address) {
        ArrayNode a = transport.newArray();
        a.add(Objects.requireNonNull(address, "address").toString());
        return a;
    }

    private static <T> Function<JsonNode, T> object(String what, Function<ResultObject, T> parse) {
        return result -> parse.apply(ResultObject.of(result, "the " + what));
    }

    private static BigInteger unsigned(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }
}
