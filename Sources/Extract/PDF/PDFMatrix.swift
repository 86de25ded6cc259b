/// An affine transformation `[a b c d e f]` (ISO 32000-1 §8.3.4).
struct PDFMatrix: Sendable, Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = PDFMatrix()

    init() {}

    init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        (self.a, self.b, self.c, self.d, self.e, self.f) = (a, b, c, d, e, f)
    }

    /// Six numbers, or nil.
    init?(_ numbers: [Double]) {
        guard numbers.count == 6 else { return nil }
        self.init(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
    }

    /// `self` then `other`: a point goes through `self` first.
    func then(_ other: PDFMatrix) -> PDFMatrix {
        PDFMatrix(
            a * other.a + b * other.c, a * other.b + b * other.d,
            c * other.a + d * other.c, c * other.b + d * other.d,
            e * other.a + f * other.c + other.e, e * other.b + f * other.d + other.f)
    }

    func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (x * a + y * c + e, x * b + y * d + f)
    }

    static func translation(_ x: Double, _ y: Double) -> PDFMatrix { PDFMatrix(1, 0, 0, 1, x, y) }
}
