package io.wellbase.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The success statuses a handler that returns a {@code ResponseEntity} answers, read from its
 * bytecode: the factories it calls ({@code created}, {@code accepted}, {@code noContent}, {@code ok},
 * {@code status(HttpStatus.X)}), also inside private helpers and lambdas of the same class. The
 * scanner of the OpenAPI document only sees the declared type, and would show every one as 200.
 */
final class SuccessStatuses {

    private static final String RESPONSE_ENTITY = "org/springframework/http/ResponseEntity";
    private static final Map<String, Integer> FACTORIES =
            Map.of("ok", 200, "created", 201, "accepted", 202, "noContent", 204);

    /** The statuses, and whether the answer carries a {@code Location} header. */
    record Answer(Set<Integer> statuses, boolean location) {}

    private SuccessStatuses() {}

    /** Empty statuses when the method does not return a {@code ResponseEntity} or builds it out of sight. */
    static Answer of(Method handler) {
        if (!ResponseEntity.class.isAssignableFrom(handler.getReturnType())) {
            return new Answer(Set.of(), false);
        }
        Collector collector = new Collector(Type.getInternalName(handler.getDeclaringClass()));
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(handler.getName() + Type.getMethodDescriptor(handler));
        try (InputStream bytes =
                handler.getDeclaringClass().getClassLoader().getResourceAsStream(collector.owner + ".class")) {
            if (bytes == null) {
                return new Answer(Set.of(), false);
            }
            ClassReader reader = new ClassReader(bytes);
            while (!pending.isEmpty()) {
                String next = pending.pop();
                if (seen.add(next)) {
                    collector.calls.clear();
                    reader.accept(
                            new ClassVisitor(Opcodes.ASM9) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access,
                                        String name,
                                        String descriptor,
                                        String signature,
                                        String[] exceptions) {
                                    return (name + descriptor).equals(next) ? collector : null;
                                }
                            },
                            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                    pending.addAll(collector.calls);
                }
            }
        } catch (IOException ex) {
            return new Answer(Set.of(), false);
        }
        Set<Integer> statuses = new TreeSet<>(collector.statuses);
        if (!statuses.isEmpty() && Arrays.asList(handler.getParameterTypes()).contains(HttpServletResponse.class)) {
            // A handler that takes the response may also write a 200 body itself and return null.
            statuses.add(200);
        }
        return new Answer(statuses, collector.location);
    }

    private static final class Collector extends MethodVisitor {

        private final String owner;
        private final Set<Integer> statuses = new HashSet<>();
        private final Set<String> calls = new HashSet<>();
        private Integer lastStatus;
        private boolean location;

        Collector(String owner) {
            super(Opcodes.ASM9);
            this.owner = owner;
        }

        @Override
        public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals("org/springframework/http/HttpStatus")) {
                lastStatus = HttpStatus.valueOf(name).value();
            }
        }

        @Override
        public void visitInvokeDynamicInsn(
                String name, String descriptor, org.springframework.asm.Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof org.springframework.asm.Handle target
                        && target.getOwner().equals(owner)) {
                    calls.add(target.getName() + target.getDesc());
                }
            }
        }

        @Override
        public void visitMethodInsn(
                int opcode, String methodOwner, String name, String descriptor, boolean isInterface) {
            if (methodOwner.equals(owner)) {
                calls.add(name + descriptor);
            } else if (methodOwner.equals(RESPONSE_ENTITY)) {
                if (FACTORIES.containsKey(name)) {
                    statuses.add(FACTORIES.get(name));
                    location |= name.equals("created");
                } else if ((name.equals("status") || name.equals("<init>"))
                        && lastStatus != null
                        && lastStatus / 100 == 2) {
                    statuses.add(lastStatus);
                }
            } else if (methodOwner.startsWith(RESPONSE_ENTITY + "$") && name.equals("location")) {
                location = true;
            }
        }
    }
}
