package network.qfc.miner.core.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class QuantityParserTest {
    static JsonNode json(String s) throws Exception {
        return ScriptedNode.JSON.readTree(s);
    }

    @Test
    void hexDecimalAndJsonNumbersAgree() throws Exception {
        for (String s : new String[] {"\"0x1f\"", "\"0X1F\"", "\"31\"", "31", "\" 31 \""}) {
            assertThat(QuantityParser.parse(json(s), "x")).as(s).isEqualTo(31);
        }
        assertThat(QuantityParser.parse(json("\"0xffffffffffffffffffff\""), "x"))
                .isEqualTo(new BigInteger("ffffffffffffffffffff", 16));
        assertThat(QuantityParser.parse(json("18446744073709551615"), "x")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(QuantityParser.parseLong(json("\"0x0\""), "x")).isZero();
    }

    @Test
    void refusesWhatIsNotANonNegativeInteger() throws Exception {
        for (String s : new String[] {"\"\"", "\"0x\"", "\"-1\"", "-1", "1.5", "\"1.5\"", "\"0xg\"", "\"1e3\"", "true",
                "{}", "null", "\"\u0661\""}) {
            assertThatThrownBy(() -> QuantityParser.parse(json(s), "stake")).as(s)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stake");
        }
        assertThatThrownBy(() -> QuantityParser.parseLong(json("\"0x8000000000000000\""), "epoch"))
                .hasMessageContaining("too large");
    }

    @Test
    void decimals() throws Exception {
        assertThat(QuantityParser.parseDecimal(json("\"99.50\""), "p")).isEqualByComparingTo("99.5");
        assertThat(QuantityParser.parseDecimal(json("42.25"), "p")).isEqualByComparingTo("42.25");
        assertThat(QuantityParser.parseDecimal(json("\"0x10\""), "p")).isEqualByComparingTo("16");
        assertThatThrownBy(() -> QuantityParser.parseDecimal(json("\"NaN\""), "p")).hasMessageContaining("'p'");
        assertThatThrownBy(() -> QuantityParser.parseDecimal(json("-0.5"), "p")).hasMessageContaining("negative");
    }
}
