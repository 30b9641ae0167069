package network.qfc.miner.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sentences a benchmark embeds: the built-in 200 (empty, non-ASCII, some over 128 tokens) or a file's lines. */
record BenchCorpus(String source, List<String> sentences) {
    static final String BUILT_IN = "corpus.txt";

    static BenchCorpus builtIn() {
        try (InputStream in = BenchCorpus.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in benchmark corpus is missing from the application");
            }
            return new BenchCorpus("built-in (200 sentences)", read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One UTF-8 sentence per line, used as is (an empty line is an empty sentence). */
    static BenchCorpus fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<String> lines = read(in);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("input file " + file + " has no lines");
            }
            return new BenchCorpus(file.toString(), lines);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("input file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> read(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
            return r.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
