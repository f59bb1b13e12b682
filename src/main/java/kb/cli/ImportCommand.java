package kb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kb.diag.Diagnostics;
import kb.importer.ImportOptions;
import kb.importer.ImportResult;
import kb.importer.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kb import}: raw KB text files -> Jekyll pages {@code kb/NNN/QNNNNNN/README.md}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert raw KB text files (DOCUMENT:/TITLE: headers, CP-1252) into article "
                + "pages <into>/kb/NNN/QNNNNNN/README.md. Unchanged pages are not rewritten; pages "
                + "edited since they were imported are kept unless --force is given.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TXT_FILES_OR_DIRS",
            description = "Text files, or folders searched for *.TXT / *.txt files.")
    List<Path> inputs;

    @Option(names = "--into", defaultValue = "content", description = "Content folder to write the pages into (default: ${DEFAULT-VALUE}).")
    Path into;

    @Option(names = "--force", description = "Overwrite pages even if they were edited by hand or not written by kb import.")
    boolean force;

    @Option(names = "--max-diagnostics", defaultValue = "50", description = "Print at most this many errors and warnings of each kind (default: ${DEFAULT-VALUE}).")
    int maxDiagnostics;

    @Override
    public Integer call() {
        Diagnostics diagnostics = new Diagnostics();
        ImportResult result = new Importer().run(new ImportOptions(inputs, into, force), diagnostics);
        diagnostics.print(spec.commandLine().getErr(), maxDiagnostics);
        spec.commandLine().getOut().println("kb import: " + result.summary());
        return result.failed() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
