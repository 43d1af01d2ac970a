using Microsoft.DotNet.Interactive.Formatting;

namespace Book.Display;

/// <summary>
/// A library area's formatters (tensors, charts, models, histories…). Every non-abstract class of
/// the library implementing this, with a parameterless constructor, is registered into .NET Interactive's
/// <see cref="Formatter"/> with the <see cref="BookFormatters"/> defaults, and again after each reset.
/// </summary>
public interface IFormatterSet
{
    /// <summary>Calls <see cref="Formatter.Register{T}(Func{T, string}, string)"/> for the area's types.</summary>
    void Register();
}
