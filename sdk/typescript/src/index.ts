/**
 * A typed client for the Wellbase HTTP API. The types in schema.d.ts are generated from the server's OpenAPI
 * document (openapi.json, kept current by the server's build); requests go through openapi-fetch, so paths,
 * parameters, bodies and answers are checked by the compiler.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** Every schema of the document by name, e.g. `Schemas["Booking"]`. */
export type Schemas = components["schemas"];

/** An RFC 9457 problem, as every error of the API is answered. */
export type Problem = components["schemas"]["Problem"];

/** The access and refresh tokens a sign-in, a refresh or an organization switch answers. */
export type Tokens = components["schemas"]["AuthTokens"];

export interface WellbaseOptions {
  /** The server, e.g. `https://studio.example.com` (no trailing `/api/v1`). */
  baseUrl: string;
  /** A bearer access token to start with (a signed-in user). */
  accessToken?: string;
  /** The refresh token that belongs to `accessToken`. */
  refreshToken?: string;
  /** An organization's API key (machine clients); sent as `X-Api-Key` instead of a bearer token. */
  apiKey?: string;
  /** Told of every new pair of tokens, to store them. */
  onTokens?: (tokens: Tokens) => void;
  /** A fetch of your own (tests, older runtimes). */
  fetch?: typeof globalThis.fetch;
}

/** A request the API refused: the status and the problem it answered. */
export class WellbaseError extends Error {
  readonly status: number;
  readonly problem: Partial<Problem> | undefined;

  constructor(status: number, problem: Partial<Problem> | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "WellbaseError";
    this.status = status;
    this.problem = problem;
  }

  /** The problem's stable code, e.g. `booking.full`. */
  get code(): string | undefined {
    return this.problem?.code;
  }
}

/** What openapi-fetch answers for one request. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer, or a {@link WellbaseError} with the problem. */
export function unwrap<T>(answer: Answer<T>): T {
  if (answer.error !== undefined || !answer.response.ok) {
    throw new WellbaseError(answer.response.status, answer.error as Partial<Problem> | undefined);
  }
  return answer.data as T;
}

export interface Wellbase {
  /** The typed client: `api.GET("/api/v1/sessions", { params: { query: { from, to } } })`. */
  readonly api: Client<paths>;
  /** Signs in with email and password and keeps the tokens. */
  signIn(email: string, password: string): Promise<Tokens>;
  /** Scopes the tokens to one of the user's organizations (and keeps the new pair). */
  switchOrganization(organizationId: string): Promise<Tokens>;
  /** Trades the refresh token for a new pair (the old refresh token is spent). */
  refresh(): Promise<Tokens>;
  /** Ends this sign-in on the server and forgets the tokens. */
  signOut(): Promise<void>;
  /** The tokens held now. */
  tokens(): { accessToken?: string; refreshToken?: string };
}

export function createWellbase(options: WellbaseOptions): Wellbase {
  let accessToken = options.accessToken;
  let refreshToken = options.refreshToken;
  const api = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      if (options.apiKey) {
        request.headers.set("X-Api-Key", options.apiKey);
      } else if (accessToken && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${accessToken}`);
      }
      return request;
    },
  };
  api.use(auth);

  const keep = (tokens: Tokens): Tokens => {
    accessToken = tokens.accessToken;
    refreshToken = tokens.refreshToken;
    options.onTokens?.(tokens);
    return tokens;
  };

  return {
    api,
    async signIn(email, password) {
      return keep(unwrap(await api.POST("/api/v1/auth/login", { body: { email, password } })));
    },
    async switchOrganization(organizationId) {
      return keep(unwrap(await api.POST("/api/v1/auth/switch-organization", { body: { organizationId } })));
    },
    async refresh() {
      if (!refreshToken) {
        throw new WellbaseError(401, { code: "auth.no_refresh_token", detail: "No refresh token is held" });
      }
      return keep(unwrap(await api.POST("/api/v1/auth/refresh", { body: { refreshToken } })));
    },
    async signOut() {
      if (refreshToken) {
        const answer = await api.POST("/api/v1/auth/logout", { body: { refreshToken } });
        if (!answer.response.ok && answer.response.status !== 401) {
          unwrap(answer);
        }
      }
      accessToken = undefined;
      refreshToken = undefined;
    },
    tokens() {
      return { accessToken, refreshToken };
    },
  };
}
