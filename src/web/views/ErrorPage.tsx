import { Layout } from './Layout.tsx';

export function ErrorPage({ status, message }: { status: number; message: string }) {
  const title = status === 404 ? '页面不存在' : status >= 500 ? '服务暂时不可用' : '请求有误';
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <p class="error-message" role="alert" data-testid="error-message">
        {message}
      </p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </Layout>
  );
}
