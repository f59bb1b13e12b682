package kb.liquid;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import liqp.LValue;
import liqp.RenderTransformer.ObjectAppender;
import liqp.TemplateContext;
import liqp.blocks.For.ForLoopDrop;
import liqp.nodes.BlockNode;
import liqp.nodes.LNode;
import liqp.parser.LiquidSupport;

/**
 * Liquid 5.4's {@code for}, replacing Liqp's (whose ranges ignore {@code offset} with
 * {@code limit} and fail on {@code offset: continue}): the collection (a range, a list, a map's
 * [key, value] pairs, a non-empty string as one item) is sliced by {@code offset} and
 * {@code limit}, then {@code reversed}; the {@code else} block renders when the slice is empty.
 * Ranges are not materialised, so {@code (1..1000000000)} costs only what the loop runs.
 */
final class ForBlock extends liqp.blocks.Block {

    ForBlock() {
        super("for");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        boolean array = super.asBoolean(nodes[0].render(context));
        String id = super.asString(nodes[1].render(context), context);
        String name = id + "-" + nodes[5].render(context);
        boolean reversed = super.asBoolean(nodes[6].render(context));
        TemplateContext scope = context.newChildContext();
        Map<String, Integer> offsets = scope.getRegistry(TemplateContext.REGISTRY_FOR);
        long from = 0;
        Long limit = null;
        for (int i = 7; i < nodes.length; i++) {
            Object[] attribute = super.asArray(nodes[i].render(scope), scope);
            String key = super.asString(attribute[0], scope);
            if (key.equals("offset")) {
                from = attribute[1] == LValue.CONTINUE ? offsets.getOrDefault(name, 0) : integer(attribute[1]);
            } else if (key.equals("limit") && attribute[1] != null) {
                limit = integer(attribute[1]);
            }
        }
        List<?> collection = array ? collection(nodes[2].render(scope), scope)
                : range(integer(nodes[2].render(scope)), integer(nodes[3].render(scope)));
        List<?> segment = slice(collection, from, limit == null ? null : limit + from);
        if (reversed) {
            segment = reverse(segment);
        }
        offsets.put(name, (int) Math.min(Integer.MAX_VALUE, Math.max(0, from) + segment.size()));
        if (segment.isEmpty()) {
            LNode otherwise = array ? nodes[4] : null;
            return otherwise == null ? "" : otherwise.render(scope);
        }
        LNode body = array ? nodes[3] : nodes[4];
        return loop(scope, id, name, segment, ((BlockNode) body).getChildren());
    }

    private Object loop(TemplateContext scope, String id, String name, List<?> segment, List<LNode> body) {
        Map<String, Stack<ForLoopDrop>> registry = scope.getRegistry(TemplateContext.REGISTRY_FOR_STACK);
        Stack<ForLoopDrop> stack = registry.computeIfAbsent(TemplateContext.REGISTRY_FOR_STACK, k -> new Stack<>());
        ForLoopDrop forloop = new ForLoopDrop(name, segment.size(), stack.isEmpty() ? null : stack.peek());
        stack.push(forloop);
        scope.put("forloop", forloop);
        ObjectAppender.Controller output = scope.newObjectAppender(Math.min(segment.size(), 1024));
        try {
            for (Object item : segment) {
                scope.incrementIterations();
                scope.put(id, item);
                boolean stop = renderBody(scope, output, body);
                forloop.increment();
                if (stop) {
                    break;
                }
            }
        } finally {
            stack.pop();
        }
        return output.getResult();
    }

    /** Renders one iteration; true on {@code break}. */
    private boolean renderBody(TemplateContext scope, ObjectAppender.Controller output, List<LNode> body) {
        for (LNode node : body) {
            Object value = node.render(scope);
            if (value == null) {
                continue;
            }
            if (value instanceof Body.Interrupt interrupt) {
                output.append(interrupt.output());
                return interrupt.isBreak();
            }
            if (value == LValue.CONTINUE) {
                return false;
            }
            if (value == LValue.BREAK) {
                return true;
            }
            if (super.isArray(value)) {
                for (Object item : super.asArray(value, scope)) {
                    output.append(item);
                }
            } else {
                output.append(super.asAppendableObject(value, scope));
            }
        }
        return false;
    }

    /** What a for tag iterates over, as Liquid's {@code slice_collection_using_each} sees it. */
    private static List<?> collection(Object data, TemplateContext context) {
        Object value = data instanceof LiquidSupport support ? support.toLiquid() : data;
        if (value == null) {
            return List.of();
        }
        if (value instanceof CharSequence text) {
            return text.isEmpty() ? List.of() : List.of(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            List<Object> pairs = new ArrayList<>(map.size());
            map.forEach((k, v) -> pairs.add(Arrays.asList(k, v)));
            return pairs;
        }
        List<Object> list = Values.list(value);
        return list == null ? List.of() : list;
    }

    private static List<?> slice(List<?> collection, long from, Long to) {
        int start = (int) Math.max(0, Math.min(from, collection.size()));
        int end = to == null ? collection.size() : (int) Math.max(start, Math.min(to, collection.size()));
        return collection.subList(start, end);
    }

    private static List<?> reverse(List<?> segment) {
        if (segment instanceof IntRange range) {
            return range.reversed();
        }
        List<Object> copy = new ArrayList<>(segment);
        Collections.reverse(copy);
        return copy;
    }

    private long integer(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return super.asNumber(value).longValue();
        } catch (RuntimeException e) {
            throw new RenderFailure("for: '" + Values.string(value) + "' is not a number");
        }
    }

    private static List<Long> range(long from, long to) {
        long size = to < from ? 0 : Math.min(Integer.MAX_VALUE, to - from + 1);
        return new IntRange(from, (int) size, 1);
    }

    /** The numbers first, first + step, … ({@code size} of them), without a list in memory. */
    private static final class IntRange extends AbstractList<Long> {

        private final long first;
        private final int size;
        private final int step;

        IntRange(long first, int size, int step) {
            this.first = first;
            this.size = size;
            this.step = step;
        }

        @Override
        public Long get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return first + (long) index * step;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public List<Long> subList(int from, int to) {
            return new IntRange(first + (long) from * step, to - from, step);
        }

        @Override
        public IntRange reversed() {
            return size == 0 ? this : new IntRange(first + (long) (size - 1) * step, size, -step);
        }
    }
}
