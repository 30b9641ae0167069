package network.qfc.miner.devnet.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.devnet.DevnetConfig;
import network.qfc.miner.devnet.DevnetEvent;
import network.qfc.miner.devnet.chain.DevnetState;
import network.qfc.miner.devnet.chain.EpochClock;
import network.qfc.miner.devnet.chain.MinerRegistry;
import network.qfc.miner.devnet.chain.ValidatorStanding;
import network.qfc.miner.devnet.tasks.ChallengeSchedule;
import network.qfc.miner.devnet.tasks.IssuedTask;
import network.qfc.miner.devnet.tasks.TaskBoard;
import network.qfc.miner.devnet.verify.ProofAnswer;
import network.qfc.miner.devnet.verify.ProofSubmission;
import network.qfc.miner.devnet.verify.ProofVerifier;
import network.qfc.miner.devnet.verify.UndecodableProofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The methods a miner calls: {@code qfc_registerMiner}, {@code qfc_reportMinerStatus}, {@code qfc_getInferenceTask},
 * {@code qfc_submitInferenceProof} (and the newest nodes' {@code qfc_getRegisteredMiners}), with the request types,
 * rules and answers of the node generation the devnet plays. Registration: v2.0 admits validators only; the newer
 * generations need {@code publicKey}, which must derive {@code minerAddress}, and keep the key in their in-memory
 * registry (validators or not) before the GPU-name score check, as qfc-core does.
 */
public final class MinerMethods {
    private static final Logger LOG = LoggerFactory.getLogger(MinerMethods.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final DevnetConfig config;
    private final DevnetState state;
    private final TaskBoard tasks;
    private final ChallengeSchedule challenges;
    private final ProofVerifier verifier;
    private final Consumer<DevnetEvent> events;
    private final MinerRegistry registry;
    private final EpochClock epochs;

    public MinerMethods(DevnetConfig config, DevnetState state, MinerRegistry registry, EpochClock epochs,
            TaskBoard tasks, ChallengeSchedule challenges, ProofVerifier verifier, Consumer<DevnetEvent> events) {
        this.config = config;
        this.registry = registry;
        this.epochs = epochs;
        this.state = state;
        this.tasks = tasks;
        this.challenges = challenges;
        this.verifier = verifier;
        this.events = events;
    }

    public void registerOn(RpcDispatcher rpc) {
        rpc.register("qfc_registerMiner", this::registerMiner)
                .register("qfc_reportMinerStatus", this::reportMinerStatus)
                .register("qfc_getInferenceTask", this::getInferenceTask)
                .register("qfc_submitInferenceProof", this::submitInferenceProof);
        if (config.generation().isLatest()) {
            rpc.register("qfc_getRegisteredMiners", p -> registeredMiners());
        }
    }

    JsonNode registerMiner(JsonNode params) {
        SerdeParams req = SerdeParams.struct(params, 0, "RpcRegisterMinerRequest");
        String minerAddress = req.string("minerAddress");
        String gpuModel = req.string("gpuModel");
        long vramMb = req.u64("vramMb");
        long benchmarkScore = req.u32("benchmarkScore");
        String backend = req.string("backend");
        String signatureText = req.string("signature");
        if (config.generation().hasMinerRegistry()) {
            return registerInRegistry(req, minerAddress, gpuModel, vramMb, benchmarkScore, backend, signatureText);
        }
        Optional<String> publicKeyText = req.optionalString("publicKey"); // v2.2; the open devnet admits with it
        Address address = NodeParsing.address(minerAddress);

        Optional<byte[]> publicKey = state.publicKey(address);
        byte[] candidate = null;
        if (publicKey.isEmpty()) {
            candidate = config.openMode() ? openModeKey(address, publicKeyText) : null;
            if (candidate == null) {
                String hint = config.openMode() ? " (open devnet: send your publicKey to be admitted)" : "";
                return registration(address, false, 0, false, "Unknown validator address" + hint);
            }
        }
        byte[] key = publicKey.orElse(candidate);
        if (!validRegistrationSignature(key, minerAddress, gpuModel, benchmarkScore, signatureText)) {
            return registration(address, false, 0, false, "Invalid signature");
        }
        boolean admitted = candidate != null && state.admit(candidate, config.defaultStakeWei());
        if (!plausibleGpuClaim(gpuModel, benchmarkScore)) {
            return registration(address, false, 0, admitted, "Benchmark score does not match GPU model");
        }
        int tier = tierOf(benchmarkScore);
        state.registerProfile(address, gpuModel, benchmarkScore, tier, vramMb, backend.toUpperCase(Locale.ROOT));
        LOG.info("Miner registered: {} (GPU: {}, score: {}, tier: {})", address, gpuModel, benchmarkScore, tier);
        return registration(address, true, tier, admitted, "Registered as T" + tier);
    }

    /**
     * The newer nodes' registration: {@code publicKey} required (a missing field is -32602), it must derive the
     * address, then the signature; the key is stored BEFORE the GPU-name score check (as qfc-core does), then the
     * profile. Standalone miners (no stake) are accepted; an open devnet also admits them as validators.
     */
    private JsonNode registerInRegistry(SerdeParams req, String minerAddress, String gpuModel, long vramMb,
            long benchmarkScore, String backend, String signatureText) {
        String publicKeyText = req.string("publicKey");
        Address address = NodeParsing.address(minerAddress);
        String pk = publicKeyText.startsWith("0x") ? publicKeyText.substring(2) : publicKeyText;
        byte[] publicKey;
        try {
            publicKey = Hex.decode("publicKey", pk);
        } catch (IllegalArgumentException e) {
            throw RpcError.nodeInvalidParams("Invalid public key hex: " + e.getMessage());
        }
        if (publicKey.length != 32) {
            throw RpcError.nodeInvalidParams("Invalid public key length");
        }
        if (!Address.ofPublicKey(publicKey).equals(address)) {
            return registration(address, false, 0, false, "Public key does not match miner address");
        }
        if (!validRegistrationSignature(publicKey, minerAddress, gpuModel, benchmarkScore, signatureText)) {
            return registration(address, false, 0, false, "Invalid signature");
        }
        int tier = tierOf(benchmarkScore);
        registry.put(new MinerRegistry.Registration(address, publicKey, gpuModel, benchmarkScore, tier, vramMb, backend,
                epochs.nowMs(), req.optionalString("os").orElse(""), req.optionalString("arch").orElse(""),
                req.optionalString("cpuModel").orElse(""), req.optionalU64("cpuCores").orElse(0),
                req.optionalU64("totalMemoryMb").orElse(0), req.optionalString("version").orElse("")));
        boolean admitted = config.openMode() && state.admit(publicKey, config.defaultStakeWei());
        if (!plausibleGpuClaim(gpuModel, benchmarkScore)) {
            return registration(address, false, 0, admitted, "Benchmark score does not match GPU model");
        }
        state.registerProfile(address, gpuModel, benchmarkScore, tier, vramMb, backend.toUpperCase(Locale.ROOT));
        LOG.info("Miner registered: {} (GPU: {}, score: {}, tier: {})", address, gpuModel, benchmarkScore, tier);
        return registration(address, true, tier, admitted, "Registered as T" + tier);
    }

    private static boolean validRegistrationSignature(byte[] key, String minerAddress, String gpuModel,
            long benchmarkScore, String signatureText) {
        byte[] digest = Blake3.hash((minerAddress + gpuModel + benchmarkScore).getBytes(StandardCharsets.UTF_8));
        return ValidatorKey.verify(key, digest, NodeParsing.signature(signatureText));
    }

    private static int tierOf(long benchmarkScore) {
        return benchmarkScore <= 2999 ? 1 : benchmarkScore <= 6999 ? 2 : 3;
    }

    /** The newest nodes' {@code qfc_getRegisteredMiners}. */
    JsonNode registeredMiners() {
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.arrayNode();
        for (MinerRegistry.Registration r : registry.all()) {
            ObjectNode o = out.addObject();
            o.put("address", r.address().toString());
            o.put("gpuModel", r.gpuModel());
            o.put("benchmarkScore", r.benchmarkScore());
            o.put("tier", r.tier());
            o.put("vramMb", r.vramMb());
            o.put("backend", r.backend());
            o.put("registeredAt", r.registeredAtMs());
            o.put("os", r.os());
            o.put("arch", r.arch());
            o.put("cpuModel", r.cpuModel());
            o.put("cpuCores", r.cpuCores());
            o.put("totalMemoryMb", r.totalMemoryMb());
            o.put("version", r.version());
        }
        return out;
    }

    private static byte[] openModeKey(Address address, Optional<String> publicKeyText) {
        if (publicKeyText.isEmpty()) {
            return null;
        }
        byte[] key;
        try {
            key = Hex.decodeFixed("publicKey", publicKeyText.get().trim(), 32);
        } catch (IllegalArgumentException e) {
            throw RpcError.nodeInvalidParams("Invalid publicKey: " + e.getMessage());
        }
        if (!Address.ofPublicKey(key).equals(address)) {
            throw RpcError.nodeInvalidParams("publicKey does not belong to minerAddress " + address
                    + " (the address is the last 20 bytes of BLAKE3(publicKey))");
        }
        return key;
    }

    private JsonNode registration(Address address, boolean registered, int tier, boolean admitted, String message) {
        events.accept(new DevnetEvent.MinerRegistration(address, registered, tier, admitted, message));
        ObjectNode out = JSON.objectNode();
        out.put("registered", registered);
        out.put("assignedTier", tier);
        out.put("message", message);
        return out;
    }

    /** The node's {@code validate_gpu_claim}: a score range per known GPU name; other names pass. */
    static boolean plausibleGpuClaim(String gpuModel, long score) {
        String m = gpuModel.toLowerCase(Locale.ROOT);
        long[] range;
        if (m.contains("4060")) {
            range = new long[] {2000, 3500};
        } else if (m.contains("3090")) {
            range = new long[] {4000, 5500};
        } else if (m.contains("4090")) {
            range = new long[] {6000, 7500};
        } else if (m.contains("a100")) {
            range = new long[] {7500, 9000};
        } else if (m.contains("h100")) {
            range = new long[] {9000, 10000};
        } else {
            return true;
        }
        return score >= range[0] && score <= range[1];
    }

    JsonNode reportMinerStatus(JsonNode params) {
        SerdeParams req = SerdeParams.struct(params, 0, "RpcMinerStatusReport");
        String minerAddress = req.string("minerAddress");
        for (SerdeParams model : req.structs("loadedModels", "RpcModelStatus")) {
            model.string("modelName");
            model.string("modelVersion");
            model.string("layer");
        }
        long pending = req.u32("pendingTasks");
        String signatureText = req.string("signature");
        Address address = NodeParsing.address(minerAddress);
        Optional<byte[]> key = state.publicKey(address);
        if (key.isEmpty()) {
            return JSON.booleanNode(false);
        }
        byte[] digest = Blake3.hash((minerAddress + pending).getBytes(StandardCharsets.UTF_8));
        byte[] signature = NodeParsing.signature(signatureText);
        if (!ValidatorKey.verify(key.get(), digest, signature)) {
            return JSON.booleanNode(false);
        }
        LOG.debug("Miner status update from {}", minerAddress);
        return JSON.booleanNode(true);
    }

    JsonNode getInferenceTask(JsonNode params) {
        SerdeParams req = SerdeParams.struct(params, 0, "RpcTaskRequest");
        String minerAddress = req.string("minerAddress");
        String gpuTier = req.string("gpuTier");
        long memory = req.u64("availableMemoryMb");
        req.string("backend");
        boolean challenge = false;
        if (verifier.challengesEnabled()) {
            Optional<ValidatorStanding> miner = standingOf(minerAddress);
            if (miner.isPresent()) {
                ValidatorStanding m = miner.get();
                long draw = state.countFetch(m.address());
                challenge = draw >= 0 && challenges.shouldInject(m.address(), draw, m.tasksCompleted(), m.reputation());
            }
        }
        // a negative u64 read as a long is above Long.MAX_VALUE: plenty of memory
        Optional<IssuedTask> task = tasks.fetch(gpuTier, memory < 0 ? Long.MAX_VALUE : memory, challenge);
        if (task.isEmpty()) {
            return JSON.nullNode();
        }
        IssuedTask t = task.get();
        ObjectNode out = JSON.objectNode();
        out.put("taskId", t.taskIdHex());
        out.put("epoch", t.epoch());
        out.put("taskType", t.taskType());
        out.put("modelName", t.modelName());
        out.put("modelVersion", t.modelVersion());
        out.put("inputData", Hex.encode(t.input()));
        out.put("deadline", t.deadlineMs());
        return out;
    }

    private Optional<ValidatorStanding> standingOf(String minerAddress) {
        try {
            return state.standing(Address.parse(minerAddress));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    JsonNode submitInferenceProof(JsonNode params) {
        SerdeParams req = SerdeParams.struct(params, 0, "RpcInferenceProofSubmission");
        ProofSubmission submission = new ProofSubmission(req.string("minerAddress"), req.string("taskId"),
                req.u64("epoch"), req.string("outputHash"), req.u64("executionTimeMs"), req.u64("flopsEstimated"),
                req.string("backend"), req.string("proofBytes"), req.optionalString("resultData"));
        ProofAnswer answer;
        try {
            answer = verifier.verify(submission);
        } catch (UndecodableProofException e) {
            throw RpcError.execution(e.getMessage());
        }
        ObjectNode out = JSON.objectNode();
        out.put("accepted", answer.accepted());
        out.put("spotChecked", answer.spotChecked());
        out.put("message", answer.message());
        answer.rewardEstimateWei().ifPresent(w -> out.put("rewardEstimate", NodeParsing.hexQuantity(w)));
        return out;
    }
}
