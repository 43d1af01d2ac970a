using System.Globalization;

namespace Book.Autograd;

/// <summary>
/// A scalar that remembers how it was computed, chapter 6: the whole of reverse-mode automatic
/// differentiation in one class, after Karpathy's micrograd. Each operation creates a node with its
/// inputs (<see cref="Children"/>) and a local rule that pushes the output's gradient to them by
/// the chain rule:
/// <code>if  out = f(a, b)  then  a.grad += ∂f/∂a · out.grad,   b.grad += ∂f/∂b · out.grad</code>
/// <see cref="Backward"/> orders the graph topologically (every node after its inputs) and applies the
/// rules from the output back to the leaves. "+=" because a value used twice receives two contributions.
/// </summary>
public sealed class Value
{
    Action propagate = () => { };

    /// <summary>A leaf: an input or a parameter.</summary>
    /// <param name="data">Its number.</param>
    /// <param name="label">A name for printed graphs, e.g. "w1".</param>
    public Value(double data, string label = "")
        : this(data, "", label, Array.Empty<Value>())
    {
    }

    Value(double data, string op, string label, Value[] children)
    {
        Data = data;
        Op = op;
        Label = label;
        Children = children;
    }

    /// <summary>The number this node holds (a training loop may change a leaf's data).</summary>
    public double Data { get; set; }

    /// <summary>∂(output)/∂(this node) after the last <see cref="Backward"/>.</summary>
    public double Grad { get; set; }

    /// <summary>The operation that produced this node ("+", "*", "tanh", …), empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>A name shown in graphs; may be set after the fact.</summary>
    public string Label { get; set; }

    /// <summary>The inputs of the operation that produced this node.</summary>
    public IReadOnlyList<Value> Children { get; }

    /// <summary>a + b; both local derivatives are 1.</summary>
    public static Value operator +(Value a, Value b)
    {
        var output = new Value(a.Data + b.Data, "+", "", [a, b]);
        output.propagate = () => { a.Grad += output.Grad; b.Grad += output.Grad; };
        return output;
    }

    /// <summary>a · b; ∂/∂a = b, ∂/∂b = a.</summary>
    public static Value operator *(Value a, Value b)
    {
        var output = new Value(a.Data * b.Data, "*", "", [a, b]);
        output.propagate = () => { a.Grad += b.Data * output.Grad; b.Grad += a.Data * output.Grad; };
        return output;
    }

    /// <summary>aᵏ for a constant exponent k; d/da = k·aᵏ⁻¹.</summary>
    public Value Pow(double exponent)
    {
        var output = new Value(Math.Pow(Data, exponent), FormattableString.Invariant($"^{exponent:G4}"), "", [this]);
        output.propagate = () => Grad += exponent * Math.Pow(Data, exponent - 1) * output.Grad;
        return output;
    }

    /// <summary>eᵃ; d/da = eᵃ.</summary>
    public Value Exp()
    {
        var output = new Value(Math.Exp(Data), "exp", "", [this]);
        output.propagate = () => Grad += output.Data * output.Grad;
        return output;
    }

    /// <summary>ln a (a &gt; 0); d/da = 1/a.</summary>
    public Value Log()
    {
        if (!(Data > 0)) throw new ArgumentOutOfRangeException(nameof(Data), Data, $"Expected a positive value for log, got {Data}.");
        var output = new Value(Math.Log(Data), "log", "", [this]);
        output.propagate = () => Grad += output.Grad / Data;
        return output;
    }

    /// <summary>tanh a; d/da = 1 − tanh²a.</summary>
    public Value Tanh()
    {
        var output = new Value(Math.Tanh(Data), "tanh", "", [this]);
        output.propagate = () => Grad += (1 - output.Data * output.Data) * output.Grad;
        return output;
    }

    /// <summary>max(0, a); d/da = 1 if a &gt; 0 else 0.</summary>
    public Value Relu()
    {
        var output = new Value(Math.Max(0, Data), "relu", "", [this]);
        output.propagate = () => Grad += (Data > 0 ? 1 : 0) * output.Grad;
        return output;
    }

    /// <summary>σ(a) = 1/(1 + e⁻ᵃ); d/da = σ(a)(1 − σ(a)).</summary>
    public Value Sigmoid()
    {
        var output = new Value(1 / (1 + Math.Exp(-Data)), "sigmoid", "", [this]);
        output.propagate = () => Grad += output.Data * (1 - output.Data) * output.Grad;
        return output;
    }

    /// <summary>−a = a·(−1).</summary>
    public static Value operator -(Value a) => a * -1;

    /// <summary>a − b = a + (−b).</summary>
    public static Value operator -(Value a, Value b) => a + -b;

    /// <summary>a / b = a·b⁻¹.</summary>
    public static Value operator /(Value a, Value b) => a * b.Pow(-1);

    /// <summary>A constant becomes a leaf, so <c>2 * x</c> and <c>x + 1</c> work.</summary>
    public static implicit operator Value(double constant) => new(constant);

    /// <summary>
    /// Sets every gradient of this node's graph: this node's to 1 (dout/dout), then, in reverse
    /// topological order, each node pushes its gradient to its inputs. Earlier gradients are reset first.
    /// </summary>
    public void Backward()
    {
        var order = TopologicalOrder();
        foreach (var node in order) node.Grad = 0;
        Grad = 1;
        for (int i = order.Count - 1; i >= 0; i--) order[i].propagate();
    }

    /// <summary>Every node this one depends on, each after its inputs, this node last.</summary>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var order = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Value Node, bool Expanded)>();
        stack.Push((this, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded) { order.Add(node); continue; }
            if (!visited.Add(node)) continue;
            stack.Push((node, true));
            foreach (var child in node.Children.Reverse()) if (!visited.Contains(child)) stack.Push((child, false));
        }
        return order;
    }

    /// <summary>
    /// The computational graph as text, one node per line in topological order, e.g.
    /// <c>n4 = tanh(n3)   data = 0.7616   grad = 1.0000</c>; labels replace the n-numbers where set.
    /// </summary>
    public string Graph()
    {
        var order = TopologicalOrder();
        var names = new Dictionary<Value, string>(ReferenceEqualityComparer.Instance);
        foreach (var node in order) names[node] = node.Label.Length > 0 ? node.Label : $"n{names.Count}";
        int width = names.Values.Max(n => n.Length);
        var lines = order.Select(node =>
        {
            string expression = node.Op switch
            {
                "" => "leaf",
                "+" or "*" => $"{names[node.Children[0]]} {node.Op} {names[node.Children[1]]}",
                var op when op.StartsWith('^') => $"{names[node.Children[0]]}{op}",
                var op => $"{op}({names[node.Children[0]]})",
            };
            return string.Create(CultureInfo.InvariantCulture,
                $"{names[node].PadRight(width)} = {expression,-18} data = {node.Data,10:F4}   grad = {node.Grad,10:F4}");
        });
        return string.Join('\n', lines);
    }

    /// <summary>E.g. <c>Value(data=0.7616, grad=1.0000)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Value(data={Data:F4}, grad={Grad:F4})");
}
