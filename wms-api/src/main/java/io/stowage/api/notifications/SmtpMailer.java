package io.stowage.api.notifications;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

/**
 * Sends one email through a merchant's SMTP server: plain text, or with {@code html} both parts as
 * multipart/alternative (the plain part first, as mail clients pick the last part they can show).
 * Blocking: call it on a bounded elastic thread.
 */
final class SmtpMailer {

    record Server(String host, int port, String username, String password, boolean starttls) {
    }

    record Email(UUID id, String fromAddress, String fromName, String recipient, String subject, String body, String html) {

        Email(UUID id, String fromAddress, String fromName, String recipient, String subject, String body) {
            this(id, fromAddress, fromName, recipient, subject, body, null);
        }
    }

    private SmtpMailer() {
    }

    static void send(Server server, Email email, Duration timeout) throws MessagingException, UnsupportedEncodingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", Integer.toString(server.port()));
        properties.put("mail.smtp.auth", Boolean.toString(server.username() != null));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(server.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(server.starttls()));
        String millis = Long.toString(timeout.toMillis());
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        Session session = Session.getInstance(properties);

        MimeMessage message = new StableIdMessage(session, "<" + email.id() + "@stowage>");
        message.setFrom(new InternetAddress(email.fromAddress(), email.fromName(), "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.recipient()));
        message.setSubject(email.subject(), "UTF-8");
        if (email.html() == null) {
            message.setText(email.body(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.body(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        message.setSentDate(new Date());
        // Tells mail servers and clients this was sent by a machine, so no vacation replies come back.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (server.username() == null) {
            Transport.send(message);
        } else {
            Transport.send(message, server.username(), server.password());
        }
    }

    /** The same Message-ID on every retry of one queued email, so a mailbox can drop a duplicate. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
