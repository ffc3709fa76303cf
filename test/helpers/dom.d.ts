// Types of dom.js (plain JavaScript so the journeys send it into pages as it is).
export declare function typeInto(el: HTMLInputElement | HTMLTextAreaElement, text: string): void;
export declare function byLabel<E extends HTMLElement = HTMLInputElement>(root: ShadowRoot, text: string | RegExp): E;
export declare function button(root: ShadowRoot, text: string | RegExp): HTMLButtonElement;
export declare function deepAll(scope: ParentNode & { shadowRoot?: ShadowRoot | null }): Element[];
export declare function textOf(scope: Node & { shadowRoot?: ShadowRoot | null }): string;
export declare function roleOf(el: Element): string;
export declare function nameOf(el: Element): string;
export declare const visible: (el: Element) => boolean;
export declare function allByRole<E extends HTMLElement = HTMLElement>(scope: ParentNode, role: string, name?: string | RegExp): E[];
export declare function getByRole<E extends HTMLElement = HTMLElement>(scope: ParentNode, role: string, name?: string | RegExp): E;
export declare function getByText(scope: ParentNode, text: string | RegExp): HTMLElement;
export declare function click(el: HTMLElement): Promise<void>;
export declare function fill(el: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void>;
export declare function choose(select: HTMLSelectElement, label: string): Promise<void>;
export declare function check(el: HTMLInputElement): Promise<void>;
export declare function waitFor<T>(fn: () => T, timeout?: number, what?: string | (() => string)): Promise<NonNullable<T>>;
