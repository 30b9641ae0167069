package network.qfc.miner.app.desktop.firstrun;

/**
 * A hint about a new password, computed from its characters without keeping them: too short (refused under
 * {@value #MINIMUM} characters), weak, fair or strong, by length and the kinds of characters used.
 */
public enum PasswordStrength {
    TOO_SHORT("Too short: use at least " + PasswordStrength.MINIMUM + " characters"),
    WEAK("Weak: longer, or mix letters, digits and symbols"),
    FAIR("Fair: a few more characters make it strong"),
    STRONG("Strong");

    public static final int MINIMUM = 8;
    private final String hint;

    PasswordStrength(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    public boolean acceptable() {
        return this != TOO_SHORT;
    }

    public static PasswordStrength of(CharSequence password) {
        int n = password == null ? 0 : password.length();
        if (n < MINIMUM) {
            return TOO_SHORT;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < n; i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        int kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        int score = (n >= 12 ? 2 : 1) + (n >= 16 ? 1 : 0) + kinds;
        return score >= 5 ? STRONG : score >= 3 ? FAIR : WEAK;
    }
}
