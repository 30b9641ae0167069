package network.qfc.miner.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import oshi.hardware.GraphicsCard;
import oshi.hardware.PowerSource;

/**
 * Turns OSHI's raw answers into facts, telling unknown from zero: a virtual machine's "unknown" graphics card with 0
 * VRAM is no GPU, an empty power-source list is no battery, a 0.0 or NaN temperature is unknown.
 */
final class OshiFacts {
    private static final long MIB = 1024L * 1024L;
    /** Above this a "CPU temperature" is a misread sensor, not a reading. */
    private static final double MAX_PLAUSIBLE_CELSIUS = 150.0;

    private OshiFacts() {
    }

    static boolean unknown(String s) {
        if (s == null) {
            return true;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() || t.equals("unknown") || t.equals("n/a") || t.equals("[n/a]");
    }

    /** The real GPUs among OSHI's graphics cards; VRAM 0 becomes "unknown". */
    static List<GpuInfo> gpus(List<GraphicsCard> cards) {
        List<GpuInfo> gpus = new ArrayList<>();
        for (GraphicsCard card : cards) {
            long vram = card.getVRam();
            boolean nameKnown = !unknown(card.getName());
            boolean vendorKnown = !unknown(card.getVendor());
            if (!nameKnown && !vendorKnown && vram <= 0) {
                continue;
            }
            gpus.add(new GpuInfo(vendorKnown ? card.getVendor().strip() : "unknown",
                    nameKnown ? card.getName().strip() : "unknown",
                    vram > 0 ? OptionalLong.of(vram / MIB) : OptionalLong.empty(), VramSource.OSHI,
                    Optional.empty()));
        }
        return gpus;
    }

    /** A CPU temperature in °C, or empty when the OS does not expose one (0.0, NaN, negative or absurd). */
    static OptionalDouble temperature(double celsius) {
        if (Double.isNaN(celsius) || celsius <= 0.0 || celsius > MAX_PLAUSIBLE_CELSIUS) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(celsius);
    }

    /**
     * The battery: the first power source that looks like one (a charge fraction or a capacity). No power source, or
     * only placeholders with nothing known, is no battery.
     */
    static Optional<BatteryInfo> battery(List<PowerSource> sources) {
        for (PowerSource ps : sources) {
            double fraction = ps.getRemainingCapacityPercent();
            boolean fractionKnown = !Double.isNaN(fraction) && fraction >= 0.0 && fraction <= 1.0;
            boolean hasCapacity = ps.getMaxCapacity() > 0 || ps.getDesignCapacity() > 0;
            if (!hasCapacity && !(fractionKnown && fraction > 0.0)) {
                continue;
            }
            return Optional.of(new BatteryInfo(fractionKnown ? OptionalDouble.of(fraction) : OptionalDouble.empty(),
                    ps.isPowerOnLine(), ps.isCharging()));
        }
        return Optional.empty();
    }
}
