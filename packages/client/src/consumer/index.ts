/** The consumer (filled in as it is built). */
export {};
