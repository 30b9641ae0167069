package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The devnet's JSON-RPC without a model: transport, errors, registration, tasks, standing. Real HTTP on loopback. */
class DevnetRpcTest {
    private final ManualClock clock = new ManualClock(1_800_000_000_000L);
    private final ValidatorKey known = ValidatorKey.generate(new SecureRandom());
    private DevnetNode node;
    private RpcClient rpc;

    @BeforeEach
    void start() {
        node = DevnetNode.start(DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withPort(0).withClock(clock).withChallengeRate(OptionalDouble.of(0))
                .withValidatorPublicKeys(List.of(known.publicKeyHex())));
        rpc = new RpcClient(node.url());
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void listensOnLoopbackByDefaultAndSaysSo() {
        assertThat(node.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(node.loopbackOnly()).isTrue();
        assertThat(node.reachability()).contains("loopback only");
        assertThat(node.port()).isPositive();
    }

    @Test
    void unknownMethodIsMethodNotFound() {
        JsonNode r = rpc.call("qfc_noSuchMethod", RpcClient.params());
        assertThat(r.get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(r.get("error").get("message").asText()).isEqualTo("Method not found");
        assertThat(r.get("id").asLong()).isPositive();
    }

    @Test
    void malformedJsonIsParseErrorAndNotJsonRpcIsInvalidRequest() {
        JsonNode parse = RpcClient.parse(rpc.raw("{\"jsonrpc\":\"2.0\",\"method\":").body());
        assertThat(parse.get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(parse.get("id").isNull()).isTrue();
        JsonNode trailing = RpcClient.parse(rpc.raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_nodeInfo\"} x").body());
        assertThat(trailing.get("error").get("code").asInt()).isEqualTo(-32700);
        JsonNode v1 = RpcClient.parse(rpc.raw("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"qfc_nodeInfo\"}").body());
        assertThat(v1.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(v1.get("id").asInt()).isEqualTo(7);
        JsonNode notObject = RpcClient.parse(rpc.raw("42").body());
        assertThat(notObject.get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void batchesAnswerEachCallAndGetIsRefused() {
        JsonNode batch = RpcClient.parse(rpc.raw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_nodeInfo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]").body());
        assertThat(batch.isArray()).isTrue();
        assertThat(batch.get(0).get("result").get("chainId").asText()).isEqualTo("0x539");
        assertThat(batch.get(1).get("error").get("code").asInt()).isEqualTo(-32601);
        HttpResponse<String> get = rpc.send(HttpRequest.newBuilder(node.url()).GET().build());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> text = rpc.send(HttpRequest.newBuilder(node.url()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void paramsAreTypedLikeSerde() {
        TestMiner miner = new TestMiner(known, rpc);
        ObjectNode missing = miner.taskRequest("Cold", 4096);
        missing.remove("availableMemoryMb");
        assertInvalidParams(rpc.callWith("qfc_getInferenceTask", missing), "missing field `availableMemoryMb`");

        ObjectNode floating = miner.taskRequest("Cold", 4096);
        floating.put("availableMemoryMb", 4096.5);
        assertInvalidParams(rpc.callWith("qfc_getInferenceTask", floating), "invalid type: floating point `4096.5`, expected u64");

        ObjectNode negative = miner.taskRequest("Cold", 4096);
        negative.put("availableMemoryMb", -1);
        assertInvalidParams(rpc.callWith("qfc_getInferenceTask", negative), "invalid value: integer `-1`, expected u64");

        ObjectNode wrongType = miner.taskRequest("Cold", 4096);
        wrongType.put("gpuTier", 3);
        assertInvalidParams(rpc.callWith("qfc_getInferenceTask", wrongType), "invalid type: integer `3`, expected a string");

        ObjectNode bigScore = miner.registration("CPU", 1000);
        bigScore.put("benchmarkScore", 5_000_000_000L);
        assertInvalidParams(rpc.callWith("qfc_registerMiner", bigScore), "expected u32");

        assertInvalidParams(rpc.call("qfc_getInferenceTask", RpcClient.params()), "invalid length 0");
        assertInvalidParams(rpc.call("qfc_getStake", RpcClient.JSON.createArrayNode().add(5)), "expected a string");

        ObjectNode unknownKeys = miner.taskRequest("Cold", 4096);
        unknownKeys.put("somethingNew", true);
        assertThat(rpc.resultWith("qfc_getInferenceTask", unknownKeys).get("taskId")).isNotNull();

        JsonNode badAddress = rpc.call("qfc_getStake", RpcClient.params("0xzz"));
        assertThat(badAddress.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(badAddress.get("error").get("message").asText()).isEqualTo("Invalid character 'z' at position 0");
    }

    private static void assertInvalidParams(JsonNode response, String detail) {
        assertThat(response.get("error").get("code").asInt()).as(response.toString()).isEqualTo(-32602);
        assertThat(response.get("error").get("message").asText()).isEqualTo("Invalid params");
        assertThat(response.get("error").get("data").asText()).contains(detail);
    }

    @Test
    void knownValidatorRegistersWithTheNodesTiers() {
        TestMiner miner = new TestMiner(known, rpc);
        JsonNode r = miner.register("Intel Core i7 CPU", 1200);
        assertThat(r.get("registered").asBoolean()).isTrue();
        assertThat(r.get("assignedTier").asInt()).isEqualTo(1);
        assertThat(r.get("message").asText()).isEqualTo("Registered as T1");
        JsonNode t2 = miner.register("NVIDIA RTX 3090", 4500);
        assertThat(t2.get("assignedTier").asInt()).isEqualTo(2);
        JsonNode t3 = miner.register("NVIDIA H100", 9500);
        assertThat(t3.get("assignedTier").asInt()).isEqualTo(3);
        assertThat(node.standing(known.address()).orElseThrow().providesCompute()).isTrue();
    }

    @Test
    void closedDevnetRefusesUnknownKeysAndOpenDevnetAdmitsThem() {
        TestMiner stranger = new TestMiner(rpc);
        JsonNode refused = stranger.register("CPU", 1000);
        assertThat(refused.get("registered").asBoolean()).isFalse();
        assertThat(refused.get("message").asText()).isEqualTo("Unknown validator address");

        try (DevnetNode open = DevnetNode.start(DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withPort(0).withOpenMode(true).withClock(clock))) {
            TestMiner newcomer = new TestMiner(new RpcClient(open.url()));
            JsonNode admitted = newcomer.register("CPU", 1000);
            assertThat(admitted.get("registered").asBoolean()).isTrue();
            assertThat(open.standing(newcomer.key.address()).orElseThrow().chainStakeWei())
                    .isEqualTo(DevnetConfig.WEI_PER_QFC.multiply(BigInteger.valueOf(10_000)));
            JsonNode stake = newcomer.rpc.result("qfc_getStake", RpcClient.params(newcomer.key.address().toString()));
            assertThat(stake.asText()).isEqualTo("0x21e19e0c9bab2400000"); // 10 000 QFC in wei
        }
    }

    @Test
    void badSignatureAndImplausibleBenchmarkAreRefused() {
        TestMiner miner = new TestMiner(known, rpc);
        ObjectNode forged = miner.registration("CPU", 1000);
        forged.put("benchmarkScore", 1001); // signed 1000
        JsonNode bad = rpc.resultWith("qfc_registerMiner", forged);
        assertThat(bad.get("registered").asBoolean()).isFalse();
        assertThat(bad.get("message").asText()).isEqualTo("Invalid signature");

        JsonNode implausible = miner.register("NVIDIA GeForce RTX 4090", 2000);
        assertThat(implausible.get("registered").asBoolean()).isFalse();
        assertThat(implausible.get("message").asText()).isEqualTo("Benchmark score does not match GPU model");

        ObjectNode shortSig = miner.registration("CPU", 1000);
        shortSig.put("signature", "abcd");
        JsonNode err = rpc.callWith("qfc_registerMiner", shortSig);
        assertThat(err.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(err.get("error").get("message").asText()).isEqualTo("Invalid signature length");
    }

    @Test
    void statusReportsNeedTheV20ModelShapeAndAValidSignature() {
        TestMiner miner = new TestMiner(known, rpc);
        ObjectNode report = RpcClient.JSON.createObjectNode();
        report.put("minerAddress", known.address().hex());
        ArrayNode models = report.putArray("loadedModels");
        ObjectNode m = models.addObject();
        m.put("modelName", "qfc-embed-small");
        m.put("modelVersion", "v1.0");
        m.put("layer", "hot");
        report.put("pendingTasks", 2);
        report.put("signature", Hex.encode(known.signBlake3(
                network.qfc.miner.core.protocol.SignedPayloads.reportStatusMessage(known.address(), 2))));
        assertThat(rpc.resultWith("qfc_reportMinerStatus", report).asBoolean()).isTrue();
        report.put("pendingTasks", 3);
        assertThat(rpc.resultWith("qfc_reportMinerStatus", report).asBoolean()).isFalse();
        m.remove("layer");
        assertInvalidParams(rpc.callWith("qfc_reportMinerStatus", report), "missing field `layer`");
        assertThat(miner.key.address()).isEqualTo(known.address());
    }

    @Test
    void tasksFollowTheNodesShapeAndMemoryRule() {
        TestMiner miner = new TestMiner(known, rpc);
        JsonNode task = miner.fetchTask();
        assertThat(task.get("taskId").asText()).matches("[0-9a-f]{64}");
        assertThat(task.get("epoch").isIntegralNumber()).isTrue();
        assertThat(task.get("epoch").asLong()).isEqualTo(node.currentEpoch());
        assertThat(task.get("taskType").asText()).isEqualTo("embedding");
        assertThat(task.get("modelName").asText()).isEqualTo("qfc-embed-small");
        assertThat(task.get("modelVersion").asText()).isEqualTo("v1.0");
        assertThat(task.get("inputData").asText()).matches("([0-9a-f]{2})*");
        assertThat(task.get("deadline").asLong()).isEqualTo(clock.millis() + 30_000);
        assertThat(rpc.resultWith("qfc_getInferenceTask", miner.taskRequest("Cold", 1023)).isNull()).isTrue();
        assertThat(rpc.resultWith("qfc_getInferenceTask", miner.taskRequest("Hot", 1024)).get("taskId")).isNotNull();

        Set<String> inputs = new HashSet<>();
        int empty = 0;
        boolean nonAscii = false;
        for (int i = 0; i < 300; i++) {
            String text = new String(Hex.decode("in", miner.fetchTask().get("inputData").asText()), StandardCharsets.UTF_8);
            inputs.add(text);
            empty += text.isEmpty() ? 1 : 0;
            nonAscii |= text.chars().anyMatch(c -> c > 127);
        }
        assertThat(inputs.size()).as("varied real text").isGreaterThan(100);
        assertThat(empty).as("the node's synthetic empty-input tasks").isPositive().isLessThan(100);
        assertThat(nonAscii).isTrue();
    }

    @Test
    void epochsAdvanceWithTheClock() {
        JsonNode e1 = rpc.result("qfc_getEpoch", null);
        assertThat(e1.get("number").asText()).isEqualTo("0x1");
        assertThat(e1.get("durationMs").asText()).isEqualTo("0x2710");
        assertThat(e1.get("startTime").asText()).isEqualTo("0x" + Long.toHexString(clock.millis()));
        clock.advance(25_000);
        assertThat(rpc.result("qfc_getEpoch", null).get("number").asText()).isEqualTo("0x3");
    }

    @Test
    void standingGettersUseTheNodesEncodings() {
        JsonNode validators = rpc.result("qfc_getValidators", null);
        assertThat(validators).hasSize(1);
        JsonNode v = validators.get(0);
        assertThat(v.get("address").asText()).isEqualTo(known.address().toString());
        assertThat(v.get("stake").asText()).startsWith("0x");
        assertThat(v.get("uptime").asText()).isEqualTo("0x2710");
        assertThat(v.get("isActive").asBoolean()).isTrue();
        assertThat(v.get("inferenceScore").asText()).isEqualTo("0");
        assertThat(v.get("tasksCompleted").asText()).isEqualTo("0");
        assertThat(v.get("computeMode").asText()).isEqualTo("none");

        JsonNode b = rpc.result("qfc_getValidatorScoreBreakdown", RpcClient.params(known.address().hex()));
        assertThat(b.get("stakeScore").asText()).isEqualTo("0xbb8"); // the only validator: 30 %
        assertThat(b.get("reputationScore").asText()).isEqualTo("0xfa"); // reputation 5000 -> 250
        assertThat(b.get("metrics").get("reputationPercent").asText()).isEqualTo("50.00");
        assertThat(b.get("metrics").get("avgLatencyMs").isIntegralNumber()).isTrue();
        JsonNode notValidator = rpc.call("qfc_getValidatorScoreBreakdown", RpcClient.params("00".repeat(20)));
        assertThat(notValidator.get("error").get("message").asText()).isEqualTo("Validator not found");

        JsonNode info = rpc.result("qfc_nodeInfo", null);
        assertThat(info.get("chainId").asText()).isEqualTo("0x539");
        assertThat(info.get("peerCount").asInt()).isZero();
        JsonNode models = rpc.result("qfc_getSupportedModels", null);
        assertThat(models).hasSize(3);
        assertThat(models.get(0).get("name").asText()).isEqualTo("qfc-embed-small");
        JsonNode stats = rpc.result("qfc_getInferenceStats", null);
        assertThat(stats.get("passRate").asText()).isEqualTo("100.00");

        JsonNode earnings = rpc.result("qfc_getMinerEarnings", RpcClient.params(known.address().hex(), "day"));
        assertThat(earnings.get("totalEarnings").asText()).isEqualTo("0x0");
        assertThat(earnings.get("records").isArray()).isTrue();
        JsonNode badPeriod = rpc.call("qfc_getMinerEarnings", RpcClient.params(known.address().hex(), "year"));
        assertThat(badPeriod.get("error").get("code").asInt()).isEqualTo(-32602);
        JsonNode vesting = rpc.result("qfc_getMinerVesting", RpcClient.params(known.address().hex()));
        assertThat(vesting.get("locked").asText()).isEqualTo("0x0");
    }

    @Test
    void concurrentClientsAreAllServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ids.add(pool.submit(() -> new TestMiner(known, new RpcClient(node.url())).fetchTask().get("taskId").asText()));
            }
            Set<String> unique = new HashSet<>();
            for (Future<String> f : ids) {
                unique.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(unique).hasSize(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
