package io.vigil.notifier.notify.email;

import io.vigil.config.ContactMethod;
import io.vigil.notifier.link.ActionLinks;
import io.vigil.notifier.notify.ChannelSender;
import io.vigil.notifier.notify.SendResult;
import io.vigil.notifier.page.Attempt;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Mails a page over SMTP (STARTTLS and authentication as configured) as a multipart/alternative
 * message with plain-text and HTML parts; a 5xx reply or an invalid address is permanent, a 4xx
 * reply or an unreachable server is retried.
 */
public final class EmailSender implements ChannelSender {

  private final SmtpSettings settings;
  private final ActionLinks links;
  private final Session session;

  public EmailSender(SmtpSettings settings, ActionLinks links) {
    this.settings = settings;
    this.links = links;
    this.session = Session.getInstance(properties(settings));
  }

  static Properties properties(SmtpSettings s) {
    String millis = Long.toString(s.getTimeout().toMillis());
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", s.getHost());
    p.put("mail.smtp.port", Integer.toString(s.getPort()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(s.isStarttls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(s.isStarttls()));
    p.put("mail.smtp.auth", Boolean.toString(!s.getUsername().isBlank()));
    p.put("mail.smtp.connectiontimeout", millis);
    p.put("mail.smtp.timeout", millis);
    p.put("mail.smtp.writetimeout", millis);
    return p;
  }

  @Override
  public Set<ContactMethod.ContactType> types() {
    return Set.of(ContactMethod.ContactType.EMAIL);
  }

  @Override
  public String destination(Attempt attempt) {
    return "smtp:" + settings.getHost() + ":" + settings.getPort();
  }

  @Override
  public SendResult send(Attempt attempt) {
    String to = attempt.contactMethod().address();
    MimeMessage message;
    try {
      message = message(attempt, to);
    } catch (AddressException e) {
      return SendResult.permanent(
          "'" + to + "' is not a valid email address: fix the contact method");
    } catch (MessagingException e) {
      return SendResult.permanent("cannot build the email: " + e.getMessage());
    }
    try (Transport transport = session.getTransport()) {
      if (settings.getUsername().isBlank()) {
        transport.connect();
      } else {
        transport.connect(settings.getUsername(), settings.getPassword());
      }
      transport.sendMessage(message, message.getAllRecipients());
      return SendResult.delivered("accepted by " + destination(attempt) + " for " + to);
    } catch (AuthenticationFailedException e) {
      return SendResult.permanent(
          "the SMTP server refused the notifier's login: check VIGIL_SMTP_USERNAME/PASSWORD");
    } catch (MessagingException e) {
      return classify(e, to);
    }
  }

  private MimeMessage message(Attempt attempt, String to) throws MessagingException {
    EmailTemplates.Email email =
        EmailTemplates.render(
            attempt, links.linksFor(attempt.page().incidentId(), attempt.userId()));
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(settings.getFrom(), true));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setHeader("Vigil-Delivery-Id", attempt.id());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }

  static SendResult classify(MessagingException e, String to) {
    for (Throwable t = e; t != null; t = nextOf(t)) {
      if (t instanceof SMTPAddressFailedException a) {
        return byCode(a.getReturnCode(), "the SMTP server refused " + to + ": " + oneLine(a));
      }
      if (t instanceof SMTPSendFailedException s) {
        return byCode(s.getReturnCode(), "the SMTP server refused the email: " + oneLine(s));
      }
    }
    if (e instanceof SendFailedException s
        && s.getInvalidAddresses() != null
        && s.getInvalidAddresses().length > 0) {
      return SendResult.permanent("the SMTP server refused " + to + ": " + oneLine(e));
    }
    return SendResult.retryable("cannot send through the SMTP server: " + oneLine(e));
  }

  private static SendResult byCode(int code, String detail) {
    return code >= 500 ? SendResult.permanent(detail) : SendResult.retryable(detail);
  }

  private static Throwable nextOf(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
