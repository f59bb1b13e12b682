package kb.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A made-up knowledge base in the archive's article format, written by the test: enough articles
 * of one product for a listing of three pages, a second small product, a home page of its own.
 * Every article has four sections (a table of contents) and cites the next article of its product,
 * so each article but the first is "referenced by" its predecessor.
 *
 * @param source the source tree's folder
 */
record FixtureKb(Path source) {

    /** The big product: more articles than a listing page holds (about 100). */
    static final String PRODUCT = "Contoso Widget Server";
    static final String SMALL_PRODUCT = "Contoso Gadget Studio";
    static final int ARTICLES = 250;
    static final int SMALL_ARTICLES = 12;
    /** The first article's number; articles are numbered on from it. */
    static final int FIRST = 950_000;
    static final String SITE_TITLE = "Contoso Help Centre";

    private static final List<String> SUBJECTS = List.of("Widget Cache", "Queue Service", "Replication Agent",
            "Admin Console", "Setup Program", "Backup Job", "License Manager", "Event Log", "Web Connector",
            "Scheduler", "Report Designer", "Import Wizard", "Mail Gateway");
    private static final List<Problem> PROBLEMS = List.of(
            new Problem("Stops Responding After a Restart",
                    "After you restart the server, the %s stops responding. Users see the hourglass pointer"
                            + " for several minutes, and the event log records a warning for each request that times out.",
                    "The %s keeps a lock on its working folder while it waits for the directory service. When the"
                            + " directory service is slow to answer, every later request waits for the same lock."),
            new Problem("Reports Error 1053 at Startup",
                    "When the %s starts, you receive the following error message: Error 1053: The service did"
                            + " not respond to the start or control request in a timely fashion.",
                    "The %s reads every file in its queue folder before it reports that it has started. A queue"
                            + " of more than a few thousand files takes longer than the 30 seconds that Windows allows."),
            new Problem("Loses Its Settings After an Upgrade",
                    "After you upgrade to version 3.0, the %s starts with its default settings. Custom"
                            + " schedules and folder locations that you set in an earlier version are gone.",
                    "Setup writes a new configuration file for the %s and does not merge the settings from the"
                            + " file of the earlier version."),
            new Problem("Runs Slowly With Many Users",
                    "When more than about 200 users are connected, the %s answers requests slowly and the"
                            + " processor use of the server stays near 100 percent.",
                    "The %s checks the permissions of each user for every request instead of keeping the"
                            + " result for the length of the session."),
            new Problem("Does Not Start on a Domain Controller",
                    "The %s does not start on a server that is a domain controller. The event log records"
                            + " event ID 7000 with the text \"Logon failure: the user has not been granted the"
                            + " requested logon type\".",
                    "On a domain controller, the service account of the %s does not have the \"Log on as a"
                            + " service\" right, because the domain policy replaces the local policy."),
            new Problem("Writes Duplicate Entries to the Log",
                    "The %s writes each entry twice to its log file, and the log file grows twice as fast"
                            + " as expected.",
                    "When logging to a file and to the event log are both turned on, the %s sends each entry"
                            + " to the file once for each destination."),
            new Problem("Rejects Passwords Longer Than 14 Characters",
                    "When you type a password that is longer than 14 characters, the %s reports that the"
                            + " password is not valid, although the same password works for other programs.",
                    "The %s stores passwords in a field of 14 characters that was kept from version 1.0 for"
                            + " compatibility."),
            new Problem("Cannot Find the Configuration File",
                    "When you start the %s from a command prompt, you receive the message \"Cannot find"
                            + " CWS.INI\", and the program quits.",
                    "The %s looks for its configuration file in the current folder before it looks in the"
                            + " program folder. A command prompt that is opened in another folder hides the file."));
    private static final List<String> KINDS = List.of("kbbug", "kbhowto", "kbinfo", "kbprb");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    /** Writes the source tree into {@code source} (which need not exist). */
    static FixtureKb write(Path source) {
        FixtureKb kb = new FixtureKb(source);
        kb.file("_config.yml", """
                title: "%s"
                description: "Answers for Contoso's server products"
                url: "http://localhost:4000"
                baseurl: ""
                """.formatted(SITE_TITLE));
        kb.file("index.md", """
                ---
                layout: page
                title: Home
                permalink: /
                ---

                # Welcome to the %s

                Find answers about Contoso's server products: browse the articles by product,
                by kind or by year, or search them by words or by article ID.
                """.formatted(SITE_TITLE));
        for (int i = 0; i < ARTICLES; i++) {
            kb.article(i, PRODUCT, "CWS", "kbcws300", i + 1 < ARTICLES ? i + 1 : -1);
        }
        for (int i = ARTICLES; i < ARTICLES + SMALL_ARTICLES; i++) {
            kb.article(i, SMALL_PRODUCT, "CGS", "kbcgs100", i + 1 < ARTICLES + SMALL_ARTICLES ? i + 1 : -1);
        }
        return kb;
    }

    /** The ID of the article numbered {@code n} from the first ({@code Q950007}). */
    static String id(int n) {
        return "Q" + (FIRST + n);
    }

    /** The article's title after its ID, as the heading shows it. */
    static String title(int n) {
        String prefix = n < ARTICLES ? "CWS" : "CGS";
        // Subjects and problems cycle at different periods: titles are not in ID order.
        return prefix + ": " + SUBJECTS.get(n % SUBJECTS.size()) + " " + problem(n).title() + " (" + (n + 1) + ")";
    }

    private static Problem problem(int n) {
        return PROBLEMS.get((n / 3) % PROBLEMS.size());
    }

    /** The article's canonical path below the base URL ({@code /kb/950/Q950007/}). */
    static String path(int n) {
        int number = FIRST + n;
        return "/kb/%03d/Q%d/".formatted(number / 1000, number);
    }

    private void article(int n, String product, String prefix, String productKeyword, int cites) {
        String id = id(n);
        String kind = KINDS.get(n % KINDS.size());
        // Kinds, months and years cycle at different periods: every facet value meets every other.
        String date = "%02d-%s-%d".formatted(1 + n % 28, MONTHS.get(n % 12), 1999 + (n / 5) % 4);
        String subject = SUBJECTS.get(n % SUBJECTS.size());
        StringBuilder body = new StringBuilder();
        body.append("""
                Article: %s
                Product(s): %s
                Version(s): 3.0
                Operating System(s):\s
                Keyword(s): %s %s
                Last Modified: %s

                -------------------------------------------------------------------------------
                The information in this article applies to:

                - %s version 3.0
                -------------------------------------------------------------------------------

                SYMPTOMS
                ========

                %s

                CAUSE
                =====

                %s

                RESOLUTION
                ==========

                To resolve this problem, follow these steps:

                1. Stop the %s from the Services tool in Control Panel.

                2. Delete the temporary files in the working folder:

                  C:\\> del /q "%%ProgramFiles%%\\Contoso\\Work\\*.tmp"

                3. Start the service again.

                MORE INFORMATION
                ================

                This problem was first corrected in %s version 3.0 Service Pack 1.
                """.formatted(id, product, productKeyword, kind, date, product,
                wrap(problem(n).symptom().formatted(subject)), wrap(problem(n).cause().formatted(subject)), subject,
                product));
        if (cites >= 0) {
            body.append("""

                    For related information, see the following article in the Contoso Knowledge
                    Base:

                      %s %s
                    """.formatted(id(cites), title(cites)));
        }
        body.append("""

                Additional query words: %s widget lock timeout

                ======================================================================
                Keywords          : %s %s
                Technology        : kb%sSearch
                Version           : :3.0
                Issue type        : %s

                =============================================================================
                """.formatted(prefix.toLowerCase(Locale.ROOT), productKeyword, kind, prefix, kind));
        String tabbed = body.toString().lines().map(line -> "\t" + line).reduce("", (a, b) -> a + b + "\n");
        file(path(n).substring(1) + "README.md", """
                ---
                layout: page
                title: "%s: %s"
                permalink: %s
                ---

                ## %s: %s

                {%% raw %%}

                %s
                {%% endraw %%}
                """.formatted(id, title(n), path(n), id, title(n), tabbed));
    }

    /** Hard-wraps prose at 76 columns, as the archive's articles are. */
    private static String wrap(String prose) {
        StringBuilder text = new StringBuilder();
        int column = 0;
        for (String word : prose.split(" ")) {
            if (column > 0 && column + 1 + word.length() > 76) {
                text.append('\n');
                column = 0;
            } else if (column > 0) {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        return text.toString();
    }

    /** A kind of problem: the title's end, and what the symptom and cause sections say about a subject. */
    private record Problem(String title, String symptom, String cause) {
    }

    private void file(String relative, String text) {
        try {
            Path file = source.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
