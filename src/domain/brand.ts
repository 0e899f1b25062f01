/** A nominal type: a `T` that the compiler will not confuse with another `T`. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
