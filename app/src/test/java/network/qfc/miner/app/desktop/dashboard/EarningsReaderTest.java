package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import network.qfc.miner.app.desktop.firstrun.LoopbackNode;
import network.qfc.miner.app.desktop.mining.DevnetMining;
import network.qfc.miner.app.desktop.mining.MiningControl;
import network.qfc.miner.app.desktop.xvfb.Await;
import network.qfc.miner.core.journal.ProofJournal;
import network.qfc.miner.core.protocol.Address;
import network.qfc.miner.core.protocol.rpc.EarningsPeriod;
import network.qfc.miner.core.protocol.rpc.QfcRpcClient;
import network.qfc.miner.core.runtime.MinerRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Earnings from the journal and the node: against the real embedded devnet (which has the v2.2 earnings and vesting
 * methods) after real mining, and against a node without them (-32601), where only the journal's figures remain.
 */
class EarningsReaderTest {

    @Test
    void theDevnetsEarningsAndVestingSitNextToTheJournalsAcceptedProofs(@TempDir Path home) throws Exception {
        MiningControl mining = DevnetMining.control(home);
        try {
            mining.tune(UnaryOperator.identity(), s -> s.withBenchmarkTime(Duration.ofMillis(200)));
            MinerRuntime r = mining.start().get(120, TimeUnit.SECONDS);
            Await.until("5 accepted proofs", Duration.ofSeconds(120), () -> r.snapshot().counters().accepted() >= 5,
                    () -> r.snapshot().toString());
            Await.until("the validator address known", Duration.ofSeconds(30), () -> r.snapshot().address() != null,
                    () -> r.snapshot().toString());
            QfcRpcClient rpc = new QfcRpcClient(r.settings().rpcUrl());
            Address address = Address.parse(r.snapshot().address());

            EarningsReport day = EarningsReader.read(EarningsPeriod.DAY, r.journal(), rpc, address, Instant.now());
            assertThat(day.problem()).isNull();
            assertThat(day.accepted()).isGreaterThanOrEqualTo(5);
            assertThat(day.earned()).as("the devnet credits accepted work").isPositive();
            // all of it locked in the 7-day cliff; read just after the earnings while mining goes on: at least as much
            assertThat(day.locked()).as("vesting reported, all locked").isGreaterThanOrEqualTo(day.earned());
            assertThat(day.available()).isZero();
            assertThat(day.estimate()).as("the devnet's vesting stands behind its figure").isFalse();
            assertThat(day.days()).hasSize(1);

            EarningsReport week = EarningsReader.read(EarningsPeriod.WEEK, r.journal(), rpc, address, Instant.now());
            assertThat(week.days()).hasSize(7);
            assertThat(week.days().get(0).accepted()).as("today's row, from the journal").isGreaterThanOrEqualTo(5);
            assertThat(week.days().get(0).earned()).as("today's row, from the node's records").isPositive();
            assertThat(week.days().subList(1, 7)).allSatisfy(d -> assertThat(d.accepted()).isZero());
            assertThat(week.accepted()).isEqualTo(week.days().get(0).accepted());
        } finally {
            mining.close();
        }
    }

    @Test
    void aNodeWithoutTheEarningsMethodsLeavesTheJournalsFiguresAndSaysSo(@TempDir Path home) throws Exception {
        String notFound = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
        try (LoopbackNode node = LoopbackNode.answering(200, notFound);
             ProofJournal journal = ProofJournal.open(home.resolve("journal.db"))) {
            EarningsReport r = EarningsReader.read(EarningsPeriod.MONTH, journal, new QfcRpcClient(node.url()),
                    Address.parse("0x29d4232b175384d71ae6489865424c5dc3783a2d"), Instant.now());
            assertThat(r.earned()).isNull();
            assertThat(r.locked()).isNull();
            assertThat(r.problem()).isEqualTo(
                    "This node does not report earnings (it is older than v2.2): only the journal's figures are shown.");
            assertThat(r.days()).hasSize(30).allSatisfy(d -> assertThat(d.earned()).isNull());
        }
    }

    @Test
    void recordTimesInSecondsOrMillisecondsAreBothRead() {
        assertThat(EarningsReader.instant(1_795_000_000L)).isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
        assertThat(EarningsReader.instant(1_795_000_000_000L)).isEqualTo(Instant.ofEpochMilli(1_795_000_000_000L));
    }
}
