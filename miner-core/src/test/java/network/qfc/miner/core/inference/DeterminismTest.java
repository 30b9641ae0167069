package network.qfc.miner.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import network.qfc.miner.core.protocol.Hex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same input gives the same bytes: repeated, 1 vs 2 threads, two engines, concurrent load, two processes. */
class DeterminismTest {
    static final List<String> INPUTS = List.of("", GoldenOutputTest.HELLO, GoldenOutputTest.NON_ASCII,
            "Validators run approved models and submit signed proofs of the work.",
            "A much longer input that keeps going, ".repeat(30));

    private static Path dir;
    private static InferenceEngine twoThreads;

    @BeforeAll
    static void start() {
        dir = TestModels.embedSmall();
        twoThreads = new InferenceEngine(TestModels.cpu(2));
    }

    @AfterAll
    static void stop() {
        twoThreads.close();
    }

    private static List<String> hashes(InferenceEngine engine) {
        List<String> out = new ArrayList<>();
        for (String s : INPUTS) {
            out.add(Hex.encode(engine.embed(TestModels.EMBED_SMALL, dir, s.getBytes(StandardCharsets.UTF_8)).outputHash()));
        }
        return out;
    }

    @Test
    void repeatedCallsGiveIdenticalBytes() {
        byte[] input = GoldenOutputTest.HELLO.getBytes(StandardCharsets.UTF_8);
        EmbeddingResult first = twoThreads.embed(TestModels.EMBED_SMALL, dir, input);
        for (int i = 0; i < 20; i++) {
            assertThat(twoThreads.embed(TestModels.EMBED_SMALL, dir, input).outputBytes()).isEqualTo(first.outputBytes());
        }
        assertThat(hashes(twoThreads)).isEqualTo(hashes(twoThreads));
    }

    @Test
    void oneAndTwoIntraOpThreadsAndSeparateEnginesAgree() {
        List<String> reference = hashes(twoThreads);
        assertThat(reference).doesNotHaveDuplicates();
        try (InferenceEngine one = new InferenceEngine(TestModels.cpu(1))) {
            assertThat(hashes(one)).isEqualTo(reference);
        }
        try (InferenceEngine another = new InferenceEngine(TestModels.cpu(2))) {
            assertThat(hashes(another)).isEqualTo(reference);
        }
    }

    @Test
    void concurrentTasksOnOneEngineGiveTheSameBytes() throws Exception {
        List<String> reference = hashes(twoThreads);
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                results.add(workers.submit(() -> {
                    List<String> all = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        all.addAll(hashes(twoThreads));
                    }
                    return all;
                }));
            }
            for (Future<List<String>> f : results) {
                List<String> all = f.get(5, TimeUnit.MINUTES);
                for (int round = 0; round < 5; round++) {
                    assertThat(all.subList(round * INPUTS.size(), (round + 1) * INPUTS.size())).isEqualTo(reference);
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aSecondJvmProcessGivesTheSameBytes() throws Exception {
        List<String> reference = hashes(twoThreads);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dqfc.test.modelDir=" + dir, "-Dqfc.test.threads=1", "-Dlogback.configurationFile=none",
                EmbedOnce.class.getName()));
        cmd.addAll(INPUTS);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.lines().filter(l -> l.matches("[0-9a-f]{64}")).toList()).isEqualTo(reference);
    }
}
