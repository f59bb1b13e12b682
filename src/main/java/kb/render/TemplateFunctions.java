package kb.render;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;

/**
 * Functions every template can call: {@code relative_url(path)} and {@code absolute_url(path)}
 * (Jekyll's filters) and {@code plain(html)}, the text of an HTML snippet with entities decoded
 * (front-matter titles are written with entities such as {@code &amp;}).
 */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    static TemplateMethodModelEx of(String name, UnaryOperator<String> function) {
        return arguments -> {
            List<?> args = arguments;
            if (args.size() != 1) {
                throw new TemplateModelException(name + "() takes one argument, got " + args.size());
            }
            Object arg = args.get(0);
            String value = arg instanceof TemplateScalarModel s ? s.getAsString() : String.valueOf(arg);
            return new SimpleScalar(function.apply(value));
        };
    }

    /** The visible text of an HTML snippet: tags dropped, entities decoded, spaces collapsed. */
    static String plain(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        return Jsoup.parseBodyFragment(html).text();
    }
}
