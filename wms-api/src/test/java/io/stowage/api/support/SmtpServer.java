package io.stowage.api.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server on a free port for a test class's emails, started before its tests and stopped
 * after them: {@code @RegisterExtension static final SmtpServer smtp = new SmtpServer();}.
 */
public final class SmtpServer extends GreenMail implements BeforeAllCallback, AfterAllCallback {

    public SmtpServer() {
        super(ServerSetupTest.SMTP.dynamicPort());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
