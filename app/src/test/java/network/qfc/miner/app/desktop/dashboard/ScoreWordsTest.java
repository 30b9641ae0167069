package network.qfc.miner.app.desktop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The node's scores in its own meaning: the inference score in FLOP of accepted work, contribution out of 10,000. */
class ScoreWordsTest {

    @Test
    void theInferenceScoreReadsAsFlopsOfAcceptedWork() {
        // the figure a new user saw: 1,227,000,000,000 (1,227 accepted embeddings at ~1 GFLOP each)
        assertThat(ScoreWords.inferenceScore(1_227_000_000_000L)).isEqualTo("1.23 TFLOP of accepted work");
        assertThat(ScoreWords.inferenceScore(950_000_000_000L)).isEqualTo("950 GFLOP of accepted work");
        assertThat(ScoreWords.inferenceScore(12_500_000_000L)).isEqualTo("12.5 GFLOP of accepted work");
        assertThat(ScoreWords.inferenceScore(0)).isEqualTo("0 FLOP of accepted work");
        assertThat(ScoreWords.inferenceScore(-1)).isEqualTo("–");
        assertThat(ScoreWords.FlopUnit.fitting(4.85e12)).isEqualTo(ScoreWords.FlopUnit.TFLOP);
        assertThat(ScoreWords.FlopUnit.TFLOP.of(4.85e12)).isEqualTo(4.85);
    }

    @Test
    void theContributionIsAShareOfTenThousand() {
        assertThat(ScoreWords.contribution(6_230)).isEqualTo("62.3 % (6,230 of 10,000)");
        assertThat(ScoreWords.contribution(10_000)).isEqualTo("100.0 % (10,000 of 10,000)");
        assertThat(ScoreWords.contribution(-1)).isEqualTo("–");
        assertThat(ScoreWords.CONTRIBUTION_EXPLAINED).contains("0 to 10,000").contains("stake 30 %");
        assertThat(ScoreWords.INFERENCE_EXPLAINED).contains("FLOP").contains("not an amount of QFC");
    }
}
