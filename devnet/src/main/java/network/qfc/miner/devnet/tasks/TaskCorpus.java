package network.qfc.miner.devnet.tasks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real text the devnet hands out as embedding inputs: a built-in list of varied sentences (English and many other
 * scripts, emoji, symbols, code, very short and over-long inputs), one per line of {@code corpus.txt}.
 */
public final class TaskCorpus {
    private final List<String> sentences;

    private TaskCorpus(List<String> sentences) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a task corpus needs at least one sentence");
        }
        this.sentences = List.copyOf(sentences);
    }

    /** The corpus that ships with the devnet. */
    public static TaskCorpus builtIn() {
        try (InputStream in = TaskCorpus.class.getResourceAsStream("corpus.txt")) {
            if (in == null) {
                throw new IllegalStateException("the devnet's corpus.txt is missing from the class path");
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
            return new TaskCorpus(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the devnet's corpus", e);
        }
    }

    public static TaskCorpus of(List<String> sentences) {
        return new TaskCorpus(sentences);
    }

    public int size() {
        return sentences.size();
    }

    /** Sentence {@code index} modulo the size (any long works). */
    public String get(long index) {
        return sentences.get((int) Math.floorMod(index, (long) sentences.size()));
    }

    public List<String> sentences() {
        return sentences;
    }
}
