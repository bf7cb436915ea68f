package org.roundtable.accounts;

/** Thrown for an anonymous request for an admin page; answered with a redirect to the sign-in page. */
public final class SignInRequired extends RuntimeException {

    private final String next;

    SignInRequired(String next) {
        super(null, null, false, false);
        this.next = next;
    }

    public String next() {
        return next;
    }
}
