using Mono.Cecil;
using Mono.Cecil.Cil;

namespace MotionServer.Pipeline.Tests.Architecture;

/// <summary>
/// Which folders of the compiled library use which: every type reference the compiler emitted (base types,
/// interfaces, fields, signatures, attributes, generic arguments, and every type, method and field an instruction
/// names), read from MotionServer.Pipeline.dll with Mono.Cecil. What the code really uses, whatever the source's
/// <c>using</c> lines or qualified names say. A type belongs to the first segment of its namespace after
/// <c>MotionServer.Pipeline</c> (<c>Tracks.Oao</c> is <c>Tracks</c>); the root namespace is <see cref="Entry"/>.
/// </summary>
internal static class CompiledDependencies
{
    /// <summary>The folder name given to the library's root namespace (<c>IMotionPipeline</c>, <c>StartupException</c>).</summary>
    public const string Entry = "(root)";

    private const string Root = "MotionServer.Pipeline";

    private static readonly Lazy<IReadOnlyList<Dependency>> All = new(Read);

    /// <summary>Every use of one folder's type by another folder's type, once per pair of types.</summary>
    public static IReadOnlyList<Dependency> Of => All.Value;

    /// <summary>The folder of a namespace, or null outside the library.</summary>
    public static string? FolderOf(string? ns)
    {
        if (ns is null || !(ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal)))
        {
            return null;
        }

        return ns == Root ? Entry : ns[(Root.Length + 1)..].Split('.')[0];
    }

    private static IReadOnlyList<Dependency> Read()
    {
        using var module = ModuleDefinition.ReadModule(typeof(IMotionPipeline).Assembly.Location);
        var found = new HashSet<Dependency>();
        foreach (var type in module.GetTypes())
        {
            var outer = Outermost(type);
            if (FolderOf(outer.Namespace) is not { } from)
            {
                continue; // compiler-generated helpers outside our namespaces
            }

            foreach (var used in UsedBy(type))
            {
                var target = Outermost(used.GetElementType());
                if (FolderOf(target.Namespace) is { } to && to != from)
                {
                    found.Add(new Dependency(from, to, outer.FullName, target.FullName));
                }
            }
        }

        return [.. found];
    }

    private static IEnumerable<TypeReference> UsedBy(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
                     .Concat(type.CustomAttributes.Select(a => a.AttributeType))
                     .Concat(type.Fields.SelectMany(f => f.CustomAttributes.Select(a => a.AttributeType).Prepend(f.FieldType)))
                     .Concat(type.Properties.SelectMany(p => p.CustomAttributes.Select(a => a.AttributeType).Prepend(p.PropertyType)))
                     .Concat(type.Methods.SelectMany(UsedBy)))
        {
            foreach (var part in Parts(reference))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<TypeReference> UsedBy(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
        }

        foreach (var attribute in method.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference operandType:
                    yield return operandType;
                    break;
                case MethodReference called:
                    yield return called.DeclaringType;
                    yield return called.ReturnType;
                    foreach (var parameter in called.Parameters)
                    {
                        yield return parameter.ParameterType;
                    }

                    break;
                case FieldReference field:
                    yield return field.DeclaringType;
                    yield return field.FieldType;
                    break;
            }
        }
    }

    /// <summary>A type and the types it is built of (generic arguments, array and pointer element types).</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference reference)
    {
        yield return reference;
        if (reference is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Parts))
            {
                yield return argument;
            }
        }
        else if (reference is TypeSpecification specification && specification.ElementType is { } element)
        {
            foreach (var part in Parts(element))
            {
                yield return part;
            }
        }
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}

/// <summary><paramref name="FromType"/>, in folder <paramref name="From"/>, uses <paramref name="ToType"/>, in folder <paramref name="To"/>.</summary>
internal sealed record Dependency(string From, string To, string FromType, string ToType)
{
    public override string ToString() => $"{From}/{FromType} uses {To}/{ToType}";
}
