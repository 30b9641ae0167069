package network.qfc.miner.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.SignedPayloads;
import network.qfc.miner.core.protocol.ValidatorKey;

/** A miner as a test drives it: a real key, real signed requests over HTTP. */
final class TestMiner {
    final ValidatorKey key;
    final RpcClient rpc;

    /** 32 bytes of {@code b}: an output hash (0xab is above the spot-check threshold, so no model is involved). */
    static byte[] filled(byte b) {
        byte[] h = new byte[32];
        java.util.Arrays.fill(h, b);
        return h;
    }

    TestMiner(RpcClient rpc) {
        this(ValidatorKey.generate(new SecureRandom()), rpc);
    }

    TestMiner(ValidatorKey key, RpcClient rpc) {
        this.key = key;
        this.rpc = rpc;
    }

    ObjectNode registration(String gpu, long score) {
        ObjectNode r = RpcClient.JSON.createObjectNode();
        r.put("minerAddress", key.address().hex());
        r.put("gpuModel", gpu);
        r.put("vramMb", 8192);
        r.put("benchmarkScore", score);
        r.put("backend", "CPU");
        r.put("signature", Hex.encode(key.signBlake3(SignedPayloads.registerMinerMessage(key.address(), gpu, score))));
        r.put("publicKey", key.publicKeyHex());
        return r;
    }

    JsonNode register(String gpu, long score) {
        return rpc.resultWith("qfc_registerMiner", registration(gpu, score));
    }

    ObjectNode taskRequest(String tier, long memoryMb) {
        ObjectNode r = RpcClient.JSON.createObjectNode();
        r.put("minerAddress", key.address().hex());
        r.put("gpuTier", tier);
        r.put("availableMemoryMb", memoryMb);
        r.put("backend", "CPU");
        return r;
    }

    JsonNode fetchTask() {
        return rpc.resultWith("qfc_getInferenceTask", taskRequest("Cold", 4096));
    }

    /** A signed embedding proof for {@code task} claiming {@code outputHash}. */
    InferenceProof proof(JsonNode task, byte[] outputHash, long epoch, ModelId model, long flops) {
        byte[] input = Hex.decode("inputData", task.get("inputData").asText());
        return InferenceProof.unsigned(key.address(), epoch, new ComputeTaskType.Embedding(model, Blake3.hash(input)),
                Hex.decode("taskId", task.get("taskId").asText()), outputHash, 12, flops, ComputeBackend.CPU,
                Instant.now().getEpochSecond()).signedBy(key);
    }

    /** A signed embedding proof for {@code task} (its own model) in {@code layout}, with this epoch and timestamp. */
    InferenceProof proofIn(ProofLayout layout, JsonNode task, byte[] outputHash, long epoch, long timestampSeconds) {
        byte[] input = Hex.decode("inputData", task.get("inputData").asText());
        ModelId model = new ModelId(task.get("modelName").asText(), task.get("modelVersion").asText());
        return InferenceProof.unsigned(layout, key.address(), epoch,
                new ComputeTaskType.Embedding(model, Blake3.hash(input)), Hex.decode("taskId", task.get("taskId").asText()),
                outputHash, 12, 1_000_000_000L, ComputeBackend.CPU, timestampSeconds).signedBy(key);
    }

    InferenceProof proof(JsonNode task, byte[] outputHash) {
        return proof(task, outputHash, task.get("epoch").asLong(), DevnetTestModels.EMBED_SMALL, 1_000_000_000L);
    }

    ObjectNode submission(JsonNode task, String proofHex, byte[] outputHash, byte[] resultData) {
        ObjectNode r = RpcClient.JSON.createObjectNode();
        r.put("minerAddress", key.address().hex());
        r.put("taskId", task.get("taskId").asText());
        r.put("epoch", task.get("epoch").asLong());
        r.put("outputHash", Hex.encode(outputHash));
        r.put("executionTimeMs", 12);
        r.put("flopsEstimated", 1_000_000_000L);
        r.put("backend", "CPU");
        r.put("proofBytes", proofHex);
        if (resultData != null) {
            r.put("resultData", Hex.encode(resultData));
        }
        return r;
    }

    JsonNode submit(JsonNode task, InferenceProof proof, byte[] resultData) {
        return rpc.resultWith("qfc_submitInferenceProof",
                submission(task, proof.proofBytesHex(), proof.outputHash(), resultData));
    }
}
