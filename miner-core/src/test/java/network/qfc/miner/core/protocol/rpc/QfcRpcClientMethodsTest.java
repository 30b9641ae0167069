package network.qfc.miner.core.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.probe.GpuTier;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each method against a real loopback HTTP server: the exact JSON sent, and both v2.0 and v2.2 answer shapes. */
class QfcRpcClientMethodsTest {
    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String ADDR = "dbcc38e4a4ab2f4d416109a4e09fcf50fd0f0062";
    static final String PUB = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String TASK_ID = "22".repeat(32);

    final ValidatorKey key = ValidatorKey.fromHex(SEED);
    ScriptedNode node;
    QfcRpcClient client;

    QfcRpcClient client(ScriptedNode.Reply reply) throws Exception {
        node = new ScriptedNode(reply);
        client = new QfcRpcClient(node.url());
        return client;
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    void assertSent(String method, String paramsJson) throws Exception {
        assertThat(node.requests()).hasSize(1);
        JsonNode expected = ScriptedNode.JSON.readTree(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        assertThat(node.requests().get(0)).isEqualTo(expected);
    }

    @Test
    void registerMinerSendsBothVersionsFieldsAndKeepsTheRawTier() throws Exception {
        client(ScriptedNode.result("{\"registered\":true,\"assignedTier\":2,\"message\":\"Registered as T2\"}"));
        RegisterMinerRequest req = RegisterMinerRequest.signed(key, "NVIDIA RTX 4090", 24564, 3000,
                ComputeBackend.CUDA, "linux", "x86_64", "AMD Ryzen 9 7950X", 16, 65536, "0.1.0");
        RegisterResult result = client.registerMiner(req);
        assertThat(result).isEqualTo(new RegisterResult(true, 2, "Registered as T2"));

        String sig = Hex.encode(key.signBlake3((ADDR + "NVIDIA RTX 40903000").getBytes()));
        assertSent("qfc_registerMiner", "[{\"minerAddress\":\"" + ADDR + "\",\"gpuModel\":\"NVIDIA RTX 4090\","
                + "\"vramMb\":24564,\"benchmarkScore\":3000,\"backend\":\"CUDA\",\"signature\":\"" + sig + "\","
                + "\"publicKey\":\"" + PUB + "\",\"os\":\"linux\",\"arch\":\"x86_64\",\"cpuModel\":\"AMD Ryzen 9 7950X\","
                + "\"cpuCores\":16,\"totalMemoryMb\":65536,\"version\":\"0.1.0\"}]");
        assertThat(ValidatorKey.verify(key.publicKey(),
                network.qfc.miner.core.protocol.Blake3.hash((ADDR + "NVIDIA RTX 40903000").getBytes()),
                Hex.decode("sig", sig))).isTrue();
    }

    @Test
    void registerMinerV22TierAndRefusal() throws Exception {
        client(ScriptedNode.result("{\"registered\":false,\"assignedTier\":\"0x0\",\"message\":\"Unknown validator address\"}"));
        RegisterResult r = client.registerMiner(RegisterMinerRequest.signed(key, "CPU", 0, 500, ComputeBackend.CPU,
                "macos", "aarch64", "Apple M2", 8, 16384, "0.1.0"));
        assertThat(r.registered()).isFalse();
        assertThat(r.assignedTier()).isZero();
        assertThat(r.message()).isEqualTo("Unknown validator address");
    }

    @Test
    void reportMinerStatusSendsAllFiveModelKeys() throws Exception {
        client(ScriptedNode.result("true"));
        MinerStatusReport report = MinerStatusReport.signed(key,
                List.of(new LoadedModel(ModelId.parse("qfc-embed-small@v1.0"), ModelLayer.HOT, 1_763_769_600_000L)), 3);
        assertThat(client.reportMinerStatus(report)).isTrue();
        String sig = Hex.encode(key.signBlake3((ADDR + "3").getBytes()));
        assertSent("qfc_reportMinerStatus", "[{\"minerAddress\":\"" + ADDR + "\",\"loadedModels\":[{"
                + "\"modelName\":\"qfc-embed-small\",\"modelVersion\":\"v1.0\",\"layer\":\"hot\","
                + "\"name\":\"qfc-embed-small\",\"version\":\"v1.0\",\"loadedAt\":1763769600000}],"
                + "\"pendingTasks\":3,\"signature\":\"" + sig + "\"}]");
    }

    @Test
    void reportMinerStatusFalseAndWrongShape() throws Exception {
        client(ScriptedNode.result("false"));
        MinerStatusReport report = MinerStatusReport.signed(key, List.of(), 0);
        assertThat(client.reportMinerStatus(report)).isFalse();
        node.reply(ScriptedNode.result("\"yes\""));
        assertThatThrownBy(() -> client.reportMinerStatus(report)).isInstanceOf(RpcException.class)
                .extracting(e -> ((RpcException) e).kind()).isEqualTo(RpcException.Kind.MALFORMED_RESPONSE);
    }

    static final String TASK_V20 = "{\"taskId\":\"" + TASK_ID + "\",\"epoch\":176376960,\"taskType\":\"embedding\","
            + "\"modelName\":\"qfc-embed-small\",\"modelVersion\":\"v1.0\",\"inputData\":\"68656c6c6f\","
            + "\"deadline\":1763769630000}";

    @Test
    void getInferenceTaskV20() throws Exception {
        client(ScriptedNode.result(TASK_V20));
        Optional<InferenceTask> task = client.getInferenceTask(
                new TaskRequest(key.address(), GpuTier.COLD, 2048, ComputeBackend.CPU));
        assertSent("qfc_getInferenceTask", "[{\"minerAddress\":\"" + ADDR + "\",\"gpuTier\":\"Cold\","
                + "\"availableMemoryMb\":2048,\"backend\":\"CPU\"}]");
        assertThat(task).isPresent();
        InferenceTask t = task.get();
        assertThat(t.taskIdHex()).isEqualTo(TASK_ID);
        assertThat(t.epoch()).isEqualTo(176376960L);
        assertThat(t.isEmbedding()).isTrue();
        assertThat(t.model()).isEqualTo(ModelId.parse("qfc-embed-small@v1.0"));
        assertThat(t.inputText()).isEqualTo("hello");
        assertThat(t.deadlineMs()).isEqualTo(1763769630000L);
    }

    @Test
    void getInferenceTaskV22HexNumbersEmptyInputAndNull() throws Exception {
        client(ScriptedNode.result("{\"taskId\":\"0x" + TASK_ID.toUpperCase() + "\",\"epoch\":\"0xa834c80\","
                + "\"taskType\":\"embedding\",\"modelName\":\"qfc-embed-medium\",\"modelVersion\":\"v1.0\","
                + "\"inputData\":\"\",\"deadline\":\"1763769630000\"}"));
        TaskRequest req = new TaskRequest(key.address(), GpuTier.WARM, 4096, ComputeBackend.METAL);
        InferenceTask t = client.getInferenceTask(req).orElseThrow();
        assertThat(t.epoch()).isEqualTo(176376960L);
        assertThat(t.inputData()).isEmpty();
        assertThat(t.taskIdHex()).isEqualTo(TASK_ID);
        node.reply(ScriptedNode.result("null"));
        assertThat(client.getInferenceTask(req)).isEmpty();
    }

    @Test
    void submitInferenceProofTakesEveryFieldFromTheProof() throws Exception {
        client(ScriptedNode.result("{\"accepted\":true,\"spotChecked\":false,\"message\":\"Proof accepted\"}"));
        byte[] input = new byte[32];
        Arrays.fill(input, (byte) 0x11);
        byte[] task = Hex.decode("task", TASK_ID);
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) 0x33);
        InferenceProof proof = InferenceProof.unsigned(key.address(), 0x0102030405060708L,
                new ComputeTaskType.Embedding(ModelId.parse("qfc-embed-small@v1.0"), input), task, out, 1234,
                1_000_000_000L, ComputeBackend.CPU, 1_700_000_000L).signedBy(key);
        ProofResult r = client.submitInferenceProof(new ProofSubmission(proof, new byte[] {1, 2}));
        assertThat(r).isEqualTo(new ProofResult(true, false, "Proof accepted", Optional.empty()));
        assertSent("qfc_submitInferenceProof", "[{\"minerAddress\":\"" + ADDR + "\",\"taskId\":\"" + TASK_ID + "\","
                + "\"epoch\":72623859790382856,\"outputHash\":\"" + "33".repeat(32) + "\","
                + "\"executionTimeMs\":1234,\"flopsEstimated\":1000000000,\"backend\":\"CPU\","
                + "\"proofBytes\":\"" + proof.proofBytesHex() + "\",\"resultData\":\"0102\"}]");
        assertThat(node.requests().get(0).at("/params/0/proofBytes").asText())
                .startsWith(ADDR + "0807060504030201020f000000").hasSize(2 * (177 + 64));
    }

    @Test
    void submitInferenceProofV22RewardAndSpotCheckFailure() throws Exception {
        client(ScriptedNode.result("{\"accepted\":false,\"spotChecked\":true,\"message\":\"Proof rejected: spot-check "
                + "failed (output hash mismatch)\",\"rewardEstimate\":\"0xde0b6b3a7640000\"}"));
        InferenceProof proof = InferenceProof.unsigned(key.address(), 1,
                new ComputeTaskType.OnnxInference(new byte[32], new byte[32]), new byte[32], new byte[32], 1, 1,
                ComputeBackend.CPU, 1).signedBy(key);
        ProofResult r = client.submitInferenceProof(new ProofSubmission(proof));
        assertThat(r.accepted()).isFalse();
        assertThat(r.spotChecked()).isTrue();
        assertThat(r.message()).contains("spot-check failed");
        assertThat(r.rewardEstimateWei()).contains(new BigInteger("1000000000000000000"));
        assertThat(node.requests().get(0).at("/params/0").has("resultData")).isFalse();
    }

    @Test
    void nodeInfo() throws Exception {
        client(ScriptedNode.result("{\"version\":\"2.0.0\",\"chainId\":\"0x2328\",\"peerCount\":5,"
                + "\"isValidator\":true,\"syncing\":false}"));
        assertThat(client.nodeInfo()).isEqualTo(new NodeInfo("2.0.0", 9000, 5, true, false));
        assertSent("qfc_nodeInfo", "[]");
    }

    @Test
    void getValidatorsV20AndV22Numbers() throws Exception {
        client(ScriptedNode.result("[{\"address\":\"0x" + ADDR + "\",\"stake\":\"0x1bc16d674ec80000\","
                + "\"contributionScore\":\"0x1a\",\"uptime\":\"0x2710\",\"isActive\":true,\"providesCompute\":true,"
                + "\"hashrate\":\"0\",\"inferenceScore\":\"5000000000\",\"computeMode\":\"inference\","
                + "\"tasksCompleted\":\"31\"},"
                + "{\"address\":\"" + "ab".repeat(20) + "\",\"stake\":\"2000000000000000000\",\"contributionScore\":26,"
                + "\"uptime\":\"0x0\",\"isActive\":false,\"providesCompute\":false,\"hashrate\":\"0x0\","
                + "\"inferenceScore\":\"0x12a05f200\",\"computeMode\":\"none\",\"tasksCompleted\":\"0x1f\"}]"));
        List<ValidatorInfo> vs = client.getValidators();
        assertSent("qfc_getValidators", "[]");
        assertThat(vs).hasSize(2);
        assertThat(vs.get(0).address()).isEqualTo(key.address());
        assertThat(vs.get(0).stake()).isEqualTo(new BigInteger("2000000000000000000"));
        assertThat(vs.get(1).stake()).isEqualTo(vs.get(0).stake());
        assertThat(vs.get(0).tasksCompleted()).isEqualTo(31);
        assertThat(vs.get(1).tasksCompleted()).isEqualTo(31);
        assertThat(vs.get(1).inferenceScore()).isEqualTo(vs.get(0).inferenceScore());
        assertThat(vs.get(0).contributionScore()).isEqualTo(vs.get(1).contributionScore()).isEqualTo(26);
        assertThat(vs.get(1).isActive()).isFalse();
        assertThat(vs.get(0).computeMode()).isEqualTo("inference");
    }

    @Test
    void getValidatorScoreBreakdown() throws Exception {
        client(ScriptedNode.result("{\"address\":\"0x" + ADDR + "\",\"totalScore\":\"0x1f40\",\"stake\":\"0x64\","
                + "\"stakeScore\":\"0xbb8\",\"computeScore\":\"0x7d0\",\"uptimeScore\":\"0x5dc\","
                + "\"accuracyScore\":\"0x5dc\",\"networkScore\":\"0x3e8\",\"storageScore\":\"0x1f4\","
                + "\"reputationScore\":\"0x1f4\",\"metrics\":{\"uptimePercent\":\"99.50\",\"accuracyPercent\":\"100.00\","
                + "\"reputationPercent\":\"80.00\",\"avgLatencyMs\":12,\"bandwidthMbps\":100,\"storageGb\":0,"
                + "\"providesCompute\":true,\"hashrate\":\"0x0\",\"blocksProduced\":\"42\",\"validVotes\":\"0x10\","
                + "\"invalidVotes\":\"0\"}}"));
        ScoreBreakdown b = client.getValidatorScoreBreakdown(key.address());
        assertSent("qfc_getValidatorScoreBreakdown", "[\"0x" + ADDR + "\"]");
        assertThat(b.totalScore()).isEqualTo(8000);
        assertThat(b.stakeScore()).isEqualTo(3000);
        assertThat(b.metrics().uptimePercent()).isEqualByComparingTo(new BigDecimal("99.5"));
        assertThat(b.metrics().avgLatencyMs()).isEqualTo(12);
        assertThat(b.metrics().blocksProduced()).isEqualTo(42);
        assertThat(b.metrics().validVotes()).isEqualTo(16);
    }

    @Test
    void getStakeHexAndDecimal() throws Exception {
        client(ScriptedNode.result("\"0x1bc16d674ec80000\""));
        assertThat(client.getStake(key.address())).isEqualTo(new BigInteger("2000000000000000000"));
        assertSent("qfc_getStake", "[\"0x" + ADDR + "\"]");
        node.reply(ScriptedNode.result("\"2000000000000000000\""));
        assertThat(client.getStake(key.address())).isEqualTo(new BigInteger("2000000000000000000"));
        node.reply(ScriptedNode.result("\"-5\""));
        assertThatThrownBy(() -> client.getStake(key.address())).isInstanceOf(RpcException.class)
                .hasMessageContaining("not a decimal number");
    }

    @Test
    void getContributionScore() throws Exception {
        client(ScriptedNode.result("\"0x1f40\""));
        assertThat(client.getContributionScore(key.address())).isEqualTo(8000);
        assertSent("qfc_getContributionScore", "[\"0x" + ADDR + "\"]");
    }

    @Test
    void getEpoch() throws Exception {
        client(ScriptedNode.result("{\"number\":\"0xa834c80\",\"startTime\":\"0x19a9b2d8a00\",\"durationMs\":\"0x2710\"}"));
        EpochInfo e = client.getEpoch();
        assertSent("qfc_getEpoch", "[]");
        assertThat(e).isEqualTo(new EpochInfo(176376960L, 0x19a9b2d8a00L, 10_000));
    }

    @Test
    void getSupportedModels() throws Exception {
        client(ScriptedNode.result("[{\"name\":\"qfc-embed-small\",\"version\":\"v1.0\",\"minMemoryMb\":512,"
                + "\"minTier\":\"Cold\",\"approved\":true},{\"name\":\"qfc-embed-medium\",\"version\":\"v1.0\","
                + "\"minMemoryMb\":\"2048\",\"minTier\":\"Warm\",\"approved\":false}]"));
        List<SupportedModel> ms = client.getSupportedModels();
        assertSent("qfc_getSupportedModels", "[]");
        assertThat(ms).containsExactly(
                new SupportedModel(ModelId.parse("qfc-embed-small@v1.0"), 512, "Cold", true),
                new SupportedModel(ModelId.parse("qfc-embed-medium@v1.0"), 2048, "Warm", false));
    }

    @Test
    void getInferenceStats() throws Exception {
        client(ScriptedNode.result("{\"tasksCompleted\":\"31\",\"avgTimeMs\":\"0\",\"flopsTotal\":\"0x3b9aca00\","
                + "\"passRate\":\"97.50\"}"));
        InferenceStats s = client.getInferenceStats();
        assertSent("qfc_getInferenceStats", "[]");
        assertThat(s.tasksCompleted()).isEqualTo(31);
        assertThat(s.flopsTotal()).isEqualTo(1_000_000_000L);
        assertThat(s.passRate()).isEqualByComparingTo("97.5");
    }

    @Test
    void getMinerEarningsNeverAll() throws Exception {
        client(ScriptedNode.result("{\"address\":\"0x" + ADDR + "\",\"totalEarnings\":\"0xde0b6b3a7640000\","
                + "\"totalFlops\":\"1000000000\",\"totalTasks\":\"0x1\",\"balance\":\"0x0\",\"records\":[{"
                + "\"blockHeight\":\"0x64\",\"reward\":\"0xde0b6b3a7640000\",\"flops\":1000000000,\"taskCount\":1,"
                + "\"taskType\":\"embedding\",\"timestamp\":1763769600}]}"));
        MinerEarnings e = client.getMinerEarnings(key.address(), EarningsPeriod.parse("week"));
        assertSent("qfc_getMinerEarnings", "[\"0x" + ADDR + "\",\"week\"]");
        assertThat(e.totalEarnings()).isEqualTo(new BigInteger("1000000000000000000"));
        assertThat(e.records()).containsExactly(new MinerEarnings.Record(100, new BigInteger("1000000000000000000"),
                BigInteger.valueOf(1_000_000_000L), 1, "embedding", 1763769600L));
        assertThatThrownBy(() -> EarningsPeriod.parse("all")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use day, week or month");
        assertThatThrownBy(() -> EarningsPeriod.parse("year")).hasMessageContaining("unknown earnings period");
    }

    @Test
    void getMinerVesting() throws Exception {
        client(ScriptedNode.result("{\"miner\":\"0x" + ADDR + "\",\"totalEarned\":\"0x64\",\"locked\":\"0x32\","
                + "\"available\":\"50\",\"activeTranches\":1,\"tranches\":[{\"blockHeight\":100,\"amount\":\"0x64\","
                + "\"vested\":\"0x32\",\"cliffEnd\":1764374400000,\"endTime\":1766361600000,\"percentVested\":50.0}]}"));
        MinerVesting v = client.getMinerVesting(key.address());
        assertSent("qfc_getMinerVesting", "[\"0x" + ADDR + "\"]");
        assertThat(v.miner()).isEqualTo(key.address());
        assertThat(v.available()).isEqualTo(50);
        assertThat(v.tranches()).hasSize(1);
        assertThat(v.tranches().get(0).percentVested()).isEqualByComparingTo("50");
        assertThat(v.tranches().get(0).cliffEnd()).isEqualTo(1764374400000L);
    }

    @Test
    void missingMethodIsNotSupportedNotAFailure() throws Exception {
        client(ScriptedNode.error(-32601, "Method not found"));
        assertThatThrownBy(() -> client.getMinerVesting(key.address())).isInstanceOfSatisfying(RpcException.class, e -> {
            assertThat(e.kind()).isEqualTo(RpcException.Kind.METHOD_NOT_SUPPORTED);
            assertThat(e.rpcCode()).isEqualTo(-32601);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("does not support qfc_getMinerVesting");
        });
    }
}
