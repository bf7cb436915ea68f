package org.roundtable.wxr;

/** A WordPress export that cannot be imported, with the reason in words. */
public final class WxrException extends Exception {

    public WxrException(String message) {
        super(message);
    }
}
