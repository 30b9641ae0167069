package network.qfc.miner.app.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.app.QfcCommand;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import network.qfc.miner.devnet.DevnetNode;
import network.qfc.miner.devnet.NodeEmulation;
import network.qfc.miner.devnet.NodeGeneration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DevnetCommandTest {

    @Test
    void runsUntilStoppedOnLoopbackAndSaysWhereItListens() throws Exception {
        DevnetCommand command = new DevnetCommand();
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            // a --model-dir that does not hold a model is a usage error, before anything listens
            Future<Integer> exit = runner.submit(() -> cl.execute("--port", "0", "--open", "--model-dir",
                    "target/no-model-here"));
            assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(command.node()).isNull();

            DevnetCommand running = new DevnetCommand();
            CommandLine cl2 = new CommandLine(running);
            StringWriter out2 = new StringWriter();
            cl2.setOut(new PrintWriter(out2, true));
            Future<Integer> exit2 = runner.submit(() -> cl2.execute("--port", "0", "--open", "--epoch-ms", "5000"));
            DevnetNode node = awaitNode(running);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.url())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_getEpoch\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"durationMs\":\"0x1388\"");
            running.stop();
            assertThat(exit2.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out2.toString()).contains("QFC devnet listening on http://127.0.0.1:" + node.port() + "/")
                    .contains("loopback only").contains("open: any key that registers is admitted")
                    .contains("devnet stopped");
        } finally {
            runner.shutdownNow();
        }
    }

    private static DevnetNode awaitNode(DevnetCommand command) throws InterruptedException {
        for (int i = 0; i < 300 && command.node() == null; i++) {
            Thread.sleep(100);
        }
        assertThat(command.node()).as("the devnet started").isNotNull();
        return command.node();
    }

    @Test
    void theGenerationSwitchesReachTheRunningNodeAndItsDateHeader() throws Exception {
        DevnetCommand running = new DevnetCommand();
        CommandLine cl = new CommandLine(running);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = runner.submit(() -> cl.execute("--port", "0", "--open", "--generation", "latest",
                    "--forget-registrations-every", "3", "--speech-rate", "0.1", "--llm-rate", "0.05",
                    "--clock-offset=-200", "--refuse-duplicates"));
            DevnetNode node = awaitNode(running);
            NodeEmulation e = node.config().emulation();
            assertThat(e.generation()).isEqualTo(NodeGeneration.LATEST);
            assertThat(e.forgetRegistrationsEvery()).isEqualTo(3);
            assertThat(e.speechRate()).isEqualTo(0.1);
            assertThat(e.llmRate()).isEqualTo(0.05);
            assertThat(e.clockOffsetSeconds()).isEqualTo(-200);
            assertThat(e.refuseDuplicates()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.url())
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_nodeInfo\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).contains("\"version\":\"2.2.0-devnet\"");
            Instant date = ZonedDateTime.parse(r.headers().firstValue("Date").orElseThrow(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(Duration.between(Instant.now(), date).getSeconds()).isBetween(-206L, -194L);
            running.stop();
            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).contains("generation latest: proof layout C")
                    .contains("registrations forgotten every 3 proofs").contains("10% speech_to_text")
                    .contains("node clock 200 s behind this computer's").contains("duplicates refused");
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    void theDefaultIsLatestAndAnExplicitV20HasTheTrap() {
        DevnetCommand plain = new DevnetCommand();
        new CommandLine(plain).parseArgs("--port", "0");
        assertThat(plain.config().emulation()).isEqualTo(NodeEmulation.latest());
        DevnetCommand v20 = new DevnetCommand();
        new CommandLine(v20).parseArgs("--port", "0", "--generation", "v2.0");
        assertThat(v20.config().emulation().epochTrap()).isTrue();
        assertThat(DevnetCommand.generationLine(v20.config().emulation())).contains("proof layout A")
                .contains("epoch trap ON");
        DevnetCommand rocm = new DevnetCommand();
        new CommandLine(rocm).parseArgs("--port", "0", "--generation", "rocm", "--no-epoch-trap");
        assertThat(rocm.config().emulation().epochTrap()).isFalse();
    }

    @Test
    void badGenerationSwitchesAreUsageErrorsThatSayWhatIsAllowed() {
        for (String[] args : new String[][] {{"--generation", "v3"}, {"--speech-rate", "1.5"},
                {"--speech-rate", "0.7", "--llm-rate", "0.5"}, {"--forget-registrations-every", "-1"}}) {
            CommandLine cl = QfcCommand.commandLine();
            StringWriter err = new StringWriter();
            cl.setErr(new PrintWriter(err));
            String[] full = new String[args.length + 3];
            full[0] = "devnet";
            full[1] = "--port";
            full[2] = "0";
            System.arraycopy(args, 0, full, 3, args.length);
            assertThat(cl.execute(full)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).containsAnyOf("expected v2.0, rocm or latest",
                    "between 0.0 and 1.0", "must not exceed 1.0", "0 (never) or a positive").doesNotContain("Exception");
        }
    }

    @Test
    void forgettingIsALine() {
        assertThat(DevnetCommand.line(new network.qfc.miner.devnet.DevnetEvent.RegistrationsForgotten(6)))
                .contains("forgot every miner registration after 6 proofs");
    }

    @Test
    void aBadValidatorKeyIsAUsageErrorNamingTheProblem() {
        CommandLine cl = QfcCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("devnet", "--port", "0", "--validator", "abc");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("validator public key").doesNotContain("Exception");
    }

    @Test
    void aProofIsOneReadableLine() {
        network.qfc.miner.core.protocol.Address a = network.qfc.miner.core.protocol.Address.of(new byte[20]);
        String line = DevnetCommand.line(new network.qfc.miner.devnet.DevnetEvent.ProofAnswered(a, "ab".repeat(32), 7,
                false, true, false, false, "output hash mismatch", "Proof rejected: spot-check failed (output hash mismatch)"));
        assertThat(line).contains("proof").contains("0x" + "00".repeat(20)).contains("task abababababab")
                .contains("epoch 7").contains("REJECTED, spot-checked").contains("spot-check failed").doesNotContain("\n");
    }

    @Test
    void helpListsTheOptions() {
        CommandLine cl = QfcCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("devnet", "--help")).isZero();
        assertThat(out.toString()).contains("--port").contains("--bind").contains("--validator").contains("--open")
                .contains("--epoch-ms").contains("--spot-check-rate").contains("--jail-ms").contains("--tolerant")
                .contains("--model-dir");
    }
}
