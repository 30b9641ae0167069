package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.probe.GpuTier;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ValidatorKey;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;
import network.qfc.miner.core.protocol.rpc.InferenceTask;
import network.qfc.miner.core.protocol.rpc.LoadedModel;
import network.qfc.miner.core.protocol.rpc.MinerStatusReport;
import network.qfc.miner.core.protocol.rpc.ModelLayer;
import network.qfc.miner.core.protocol.rpc.ProofResult;
import network.qfc.miner.core.protocol.rpc.ProofSubmission;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.protocol.rpc.RegisterMinerRequest;
import network.qfc.miner.core.protocol.rpc.RegisterResult;
import network.qfc.miner.core.protocol.rpc.TaskRequest;
import org.junit.jupiter.api.Test;

/** The project's own miner client (miner-core {@code QfcRpcClient}) against the devnet: every method, real model. */
class MinerClientCompatibilityTest {

    @Test
    void theMinersClientRegistersMinesAndReadsItsStandingOnAnOpenDevnet() {
        ValidatorKey key = ValidatorKey.generate(new SecureRandom());
        DevnetConfig config = DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withPort(0).withOpenMode(true)
                .withSpotCheckRate(OptionalDouble.of(1.0)).withChallengeRate(OptionalDouble.of(0));
        try (DevnetNode node = DevnetNode.start(config, Optional.of(DevnetTestModels.verifier()));
                QfcRpcClient client = new QfcRpcClient(node.url().toString());
                InferenceEngine engine = new InferenceEngine(DevnetTestModels.cpu())) {
            RegisterResult reg = client.registerMiner(RegisterMinerRequest.signed(key, "Intel Core CPU", 0, 800,
                    ComputeBackend.CPU, "linux", "x86_64", "Intel Core", 2, 8192, "0.1.0"));
            assertThat(reg.registered()).as(reg.message()).isTrue();
            assertThat(reg.assignedTier()).isEqualTo(1);
            assertThat(client.reportMinerStatus(MinerStatusReport.signed(key,
                    List.of(new LoadedModel(DevnetTestModels.EMBED_SMALL, ModelLayer.HOT, 1L)), 0))).isTrue();

            for (int i = 0; i < 3; i++) {
                InferenceTask task = client.getInferenceTask(new TaskRequest(key.address(), GpuTier.COLD, 4096,
                        ComputeBackend.CPU)).orElseThrow();
                EmbeddingResult r = engine.embed(task.model(), DevnetTestModels.embedSmall(), task.inputData());
                InferenceProof proof = InferenceProof.unsigned(key.address(), task.epoch(),
                        new ComputeTaskType.Embedding(task.model(), Blake3.hash(task.inputData())), task.taskId(),
                        r.outputHash(), 10, 1_000_000_000L, ComputeBackend.CPU, Instant.now().getEpochSecond())
                        .signedBy(key);
                ProofResult answer = client.submitInferenceProof(new ProofSubmission(proof, r.outputBytes()));
                assertThat(answer.accepted()).as(answer.message()).isTrue();
                assertThat(answer.spotChecked()).isTrue();
            }
            assertThat(client.getInferenceTask(new TaskRequest(key.address(), GpuTier.COLD, 512, ComputeBackend.CPU)))
                    .isEmpty();

            assertThat(client.getValidators()).singleElement().satisfies(v -> {
                assertThat(v.address()).isEqualTo(key.address());
            });
            assertThat(client.getValidatorScoreBreakdown(key.address()).stake())
                    .isEqualTo(DevnetConfig.WEI_PER_QFC.multiply(BigInteger.valueOf(10_000)));
            assertThat(client.getStake(key.address())).isEqualTo(DevnetConfig.WEI_PER_QFC.multiply(BigInteger.valueOf(10_000)));
            assertThat(client.getContributionScore(key.address())).isPositive();
            assertThat(client.getEpoch()).isNotNull();
            assertThat(client.getSupportedModels()).hasSize(3);
            assertThat(client.getInferenceStats()).isNotNull();
            assertThat(client.nodeInfo()).isNotNull();
            assertThat(client.getMinerEarnings(key.address(), EarningsPeriod.DAY).totalTasks()).isEqualTo(BigInteger.valueOf(3));
            assertThat(client.getMinerVesting(key.address()).locked()).isEqualTo(BigInteger.valueOf(3).multiply(
                    BigInteger.TEN.pow(16)));
        }
    }
}
