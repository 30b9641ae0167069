package network.qfc.miner.core.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinerSettingsTest {

    @Test
    void loopbackHttpAndAnyHttpsAreFine() {
        assertThatCode(() -> MinerSettings.checkUrl("http://127.0.0.1:8545", false)).doesNotThrowAnyException();
        assertThatCode(() -> MinerSettings.checkUrl("http://localhost:8545/", false)).doesNotThrowAnyException();
        assertThatCode(() -> MinerSettings.checkUrl("http://[::1]:8545", false)).doesNotThrowAnyException();
        assertThatCode(() -> MinerSettings.checkUrl("https://rpc.testnet.qfc.network", false)).doesNotThrowAnyException();
    }

    @Test
    void plainHttpElsewhereNeedsConsent() {
        assertThatThrownBy(() -> MinerSettings.checkUrl("http://192.168.1.20:8545", false))
                .hasMessageContaining("--allow-insecure-http");
        assertThatCode(() -> MinerSettings.checkUrl("http://192.168.1.20:8545", true)).doesNotThrowAnyException();
        assertThatThrownBy(() -> MinerSettings.checkUrl("http://127.0.0.1.evil.example:8545", false))
                .hasMessageContaining("not encrypted");
    }

    @Test
    void nonsenseAndCredentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> MinerSettings.checkUrl("ftp://node:21", false)).hasMessageContaining("http://");
        assertThatThrownBy(() -> MinerSettings.checkUrl("not a url", false)).hasMessageContaining("e.g.");
        assertThatThrownBy(() -> MinerSettings.checkUrl("https://user:secret@node.example", false))
                .hasMessageContaining("user name or password").hasMessageNotContaining("secret");
    }
}
